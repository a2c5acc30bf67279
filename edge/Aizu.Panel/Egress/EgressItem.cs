namespace Aizu.Panel;

/// <summary>One message as it left (or would leave) the home, exactly as sent.</summary>
/// <param name="Key">Stable key of the entry.</param>
/// <param name="At">When the send completed (pending: when it was made; dropped: when it was dropped).</param>
/// <param name="Status"><c>sent</c>, <c>refused</c> (the broker said no, or no answer: it stays and is retried), <c>pending</c> or <c>dropped</c>.</param>
/// <param name="MessageId">Message id (the same on every re-send).</param>
/// <param name="Attempt">Which send this was (for pending/dropped: sends so far).</param>
/// <param name="Kind"><c>data</c>, <c>consentState</c>, <c>deletionRequest</c> or <c>alertAck</c>.</param>
/// <param name="Topic">MQTT topic.</param>
/// <param name="Purpose">Purpose id, or null.</param>
/// <param name="Category">Data category, or null.</param>
/// <param name="ContentType">MQTT 5 content type.</param>
/// <param name="Retain">Sent retained.</param>
/// <param name="UserProperties">MQTT 5 user properties, in order, as sent.</param>
/// <param name="Payload">The payload bytes exactly as sent, base64.</param>
/// <param name="PayloadText">The payload as UTF-8 text, or null when it is not valid UTF-8.</param>
/// <param name="PayloadBytes">Payload length in bytes.</param>
/// <param name="Consent"><c>consent-id@version</c>, or null.</param>
/// <param name="ReasonCode">The broker's PUBACK reason code, or null.</param>
/// <param name="Reason">Why it was refused or dropped, or null.</param>
internal sealed record EgressItem(
    string Key,
    DateTimeOffset At,
    string Status,
    string MessageId,
    int Attempt,
    string Kind,
    string Topic,
    string? Purpose,
    string? Category,
    string ContentType,
    bool Retain,
    IReadOnlyList<EgressProperty> UserProperties,
    string Payload,
    string? PayloadText,
    int PayloadBytes,
    string? Consent,
    int? ReasonCode,
    string? Reason);
