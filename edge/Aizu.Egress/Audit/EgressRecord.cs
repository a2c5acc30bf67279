namespace Aizu.Egress;

/// <summary>
/// One entry of <see cref="EgressHistory"/>: a completed send from the egress log (sent or refused), or an
/// outbox message that has not left (pending) or never will (dropped), with the message exactly as it
/// was (or would be) sent.
/// </summary>
/// <param name="Key">Stable key of the entry (also what <see cref="EgressHistoryQuery.Before"/> pages by).</param>
/// <param name="At">When the send completed; for pending messages when they were made; for dropped ones when they were dropped.</param>
/// <param name="Status">Sent, refused, pending or dropped.</param>
/// <param name="MessageId">Message id (the same on every re-send).</param>
/// <param name="Attempt">For sends, 1 for the first completed send, 2 for the next …; for outbox messages, the sends so far.</param>
/// <param name="Kind">Data, consent state, deletion request or alert acknowledgement.</param>
/// <param name="Topic">Topic.</param>
/// <param name="Purpose">The purpose it was released for, or null (consent state, deletion request).</param>
/// <param name="Category">The data category, or null.</param>
/// <param name="Payload">The payload bytes exactly as sent.</param>
/// <param name="ContentType">MQTT 5 content type.</param>
/// <param name="UserProperties">MQTT 5 user properties as sent.</param>
/// <param name="Retain">Whether it is sent retained.</param>
/// <param name="ConsentReference"><c>consent-id@version</c>, or null.</param>
/// <param name="ReasonCode">The broker's PUBACK reason code, or null (no answer, or not sent).</param>
/// <param name="Reason">Why it was refused or dropped, or null.</param>
public sealed record EgressRecord(
    string Key,
    DateTimeOffset At,
    EgressRecordStatus Status,
    string MessageId,
    int Attempt,
    MessageKind Kind,
    string Topic,
    string? Purpose,
    string? Category,
    ReadOnlyMemory<byte> Payload,
    string ContentType,
    IReadOnlyList<KeyValuePair<string, string>> UserProperties,
    bool Retain,
    string? ConsentReference,
    int? ReasonCode,
    string? Reason);
