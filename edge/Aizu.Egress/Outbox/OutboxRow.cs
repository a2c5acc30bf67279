namespace Aizu.Egress;

/// <summary>
/// An outbox row's sealed columns exactly as stored: what <see cref="OutboxSeal"/> authenticates. The
/// delivery columns (state, attempts, reasons) change after the decision and are not sealed.
/// </summary>
internal sealed record OutboxRow(
    string MessageId,
    long Kind,
    string Topic,
    byte[] Payload,
    string ContentType,
    string UserProperties,
    long Retain,
    string? ConsentReference,
    string? ConsentId,
    long? ConsentVersion,
    string? Category,
    string? Granularity,
    string? Purpose,
    string? Recipient,
    long CreatedMs);
