namespace Aizu.Egress;

/// <summary>
/// Binds each egress decision to its outbox row: HMAC-SHA256, keyed with the outbox key held outside
/// the database (<see cref="IOutboxKeyProvider"/>), over the message id, kind, topic, payload, content
/// type, user properties, retain flag, consent reference and the consent terms it was decided under.
/// The outbox checks it before every send and quarantines a row whose seal does not hold, so a row
/// injected or edited in the database never leaves.
/// </summary>
public sealed class OutboxSeal(IOutboxKeyProvider keys)
{
    /// <summary>The seal of <paramref name="message"/> as the outbox will store it.</summary>
    internal async ValueTask<byte[]> SealAsync(UplinkMessage message, MessageKind kind, ConsentTerms? terms, CancellationToken cancellationToken) =>
        Compute((await keys.GetKeyAsync(cancellationToken)).Span, OutboxRows.ToRow(message, kind, terms));

    /// <summary>True when <paramref name="mac"/> is the seal of <paramref name="row"/>.</summary>
    internal async ValueTask<bool> VerifyAsync(OutboxRow row, byte[]? mac, CancellationToken cancellationToken)
    {
        if (mac is not { Length: HMACSHA256.HashSizeInBytes })
        {
            return false;
        }

        var expected = Compute((await keys.GetKeyAsync(cancellationToken)).Span, row);
        return CryptographicOperations.FixedTimeEquals(expected, mac);
    }

    private static byte[] Compute(ReadOnlySpan<byte> key, OutboxRow row)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        RowFields.Append(mac, "aizu-outbox/1");
        RowFields.Append(mac, row.MessageId);
        RowFields.Append(mac, row.Kind);
        RowFields.Append(mac, row.Topic);
        RowFields.Append(mac, row.Payload);
        RowFields.Append(mac, row.ContentType);
        RowFields.Append(mac, row.UserProperties);
        RowFields.Append(mac, row.Retain);
        RowFields.Append(mac, row.ConsentReference);
        RowFields.Append(mac, row.ConsentId);
        RowFields.Append(mac, row.ConsentVersion);
        RowFields.Append(mac, row.Category);
        RowFields.Append(mac, row.Granularity);
        RowFields.Append(mac, row.Purpose);
        RowFields.Append(mac, row.Recipient);
        RowFields.Append(mac, row.CreatedMs);
        return mac.GetHashAndReset();
    }
}
