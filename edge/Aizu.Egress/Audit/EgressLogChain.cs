namespace Aizu.Egress;

/// <summary>
/// The egress log's hash chain: each row's <c>hash</c> is SHA-256 over its <see cref="Columns"/> as
/// stored (each value tagged with its SQLite type) and the previous row's hash, so a row deleted,
/// edited or inserted shows at the first row after it (<see cref="EgressLog.VerifyAsync"/>).
/// </summary>
internal static class EgressLogChain
{
    public const string Columns = "msg_id, attempt, at_ms, kind, topic, payload, content_type, user_properties, retain, consent_ref, consent_id, reason_code, reason, delivered";

    public const int ColumnCount = 14;

    /// <summary>The <c>prev_hash</c> of the first chained row.</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>The hash of the row whose <see cref="Columns"/> start at <paramref name="first"/>.</summary>
    public static string Compute(SqliteDataReader reader, int first, string prevHash)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        RowFields.Append(hash, "aizu-egress-log/1");
        for (var column = first; column < first + ColumnCount; column++)
        {
            switch (reader.GetValue(column))
            {
                case DBNull:
                    RowFields.Append(hash, (string?)null);
                    break;
                case long number:
                    RowFields.Append(hash, "i" + number.ToString(CultureInfo.InvariantCulture));
                    break;
                case double real:
                    RowFields.Append(hash, "r" + real.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case string text:
                    RowFields.Append(hash, "t" + text);
                    break;
                case byte[] blob:
                    RowFields.Append(hash, "b");
                    RowFields.Append(hash, blob);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected value in egress_log column {column}.");
            }
        }

        RowFields.Append(hash, prevHash);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
