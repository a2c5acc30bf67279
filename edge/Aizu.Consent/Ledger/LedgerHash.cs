namespace Aizu.Consent;

/// <summary>
/// The hash of a ledger event: lowercase hex SHA-256 over the RFC 8785 (JSON Canonicalization Scheme)
/// form of <c>{"actor","consentId","grant","prevHash","seq","time","type","version"}</c>, where
/// <c>grant</c> is the stored grant JSON as one string. Keys sorted, no whitespace, only the escapes
/// JCS requires: anyone can recompute it with a JCS library (docs/privacy.md has the recipe).
/// </summary>
internal static class LedgerHash
{
    /// <summary>The <c>prev_hash</c> of the first event.</summary>
    public static string Genesis { get; } = new('0', 64);

    public static string Compute(
        long seq, string time, string type, string consentId, long version, string grantJson, string actor, string prevHash)
    {
        var builder = new StringBuilder(grantJson.Length + 256);
        builder.Append("{\"actor\":");
        AppendString(builder, actor);
        builder.Append(",\"consentId\":");
        AppendString(builder, consentId);
        builder.Append(",\"grant\":");
        AppendString(builder, grantJson);
        builder.Append(",\"prevHash\":");
        AppendString(builder, prevHash);
        builder.Append(",\"seq\":").Append(seq.ToString(CultureInfo.InvariantCulture));
        builder.Append(",\"time\":");
        AppendString(builder, time);
        builder.Append(",\"type\":");
        AppendString(builder, type);
        builder.Append(",\"version\":").Append(version.ToString(CultureInfo.InvariantCulture));
        builder.Append('}');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>A JSON string as RFC 8785 §3.2.2.2 writes it (ECMAScript JSON.stringify escaping).</summary>
    private static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
