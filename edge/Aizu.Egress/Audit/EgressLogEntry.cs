namespace Aizu.Egress;

/// <summary>One send of one message that left the gateway, as the household can inspect it.</summary>
/// <param name="MessageId">Message id (the same on every re-send).</param>
/// <param name="Attempt">1 for the first completed send, 2 for the next, ….</param>
/// <param name="At">When the send completed (PUBACK received or connection lost).</param>
/// <param name="Kind">Data, consent state or deletion request.</param>
/// <param name="Topic">Topic.</param>
/// <param name="Payload">The payload bytes exactly as sent.</param>
/// <param name="ContentType">MQTT 5 content type.</param>
/// <param name="UserProperties">MQTT 5 user properties as sent.</param>
/// <param name="Retain">Whether it was sent retained.</param>
/// <param name="ConsentReference"><c>consent-id@version</c>, or null for the consent state.</param>
/// <param name="PubAckReasonCode">The broker's PUBACK reason code, or null when the connection ended before a PUBACK.</param>
/// <param name="Reason">Why it was not delivered, or null.</param>
/// <param name="Delivered">True when the broker accepted it (reason code below 0x80).</param>
public sealed record EgressLogEntry(
    string MessageId,
    int Attempt,
    DateTimeOffset At,
    MessageKind Kind,
    string Topic,
    ReadOnlyMemory<byte> Payload,
    string ContentType,
    IReadOnlyList<KeyValuePair<string, string>> UserProperties,
    bool Retain,
    string? ConsentReference,
    int? PubAckReasonCode,
    string? Reason,
    bool Delivered);
