namespace Aizu.Uplink;

/// <summary>A message the city sent to the gateway on a downlink topic.</summary>
/// <param name="Topic">Topic it arrived on.</param>
/// <param name="Payload">Payload bytes (not yet verified: handlers check signatures and schema).</param>
/// <param name="ContentType">MQTT 5 content type, or null.</param>
/// <param name="UserProperties">MQTT 5 user properties.</param>
/// <param name="Retained">True when it is the broker's retained value delivered on subscribe.</param>
/// <param name="MessageExpiryInterval">Remaining MQTT 5 message expiry, or null when none was set.</param>
/// <param name="ReceivedAt">When the gateway received it.</param>
public sealed record DownlinkMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> UserProperties,
    bool Retained,
    TimeSpan? MessageExpiryInterval,
    DateTimeOffset ReceivedAt);
