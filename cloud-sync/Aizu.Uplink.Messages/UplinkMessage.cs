namespace Aizu.Uplink.Messages;

/// <summary>
/// One message the gateway may send to the city broker, exactly as it will be published. Only the
/// egress policy can create one (the constructor is internal to this assembly and visible to
/// <c>Aizu.Egress</c>), so anything the uplink can send has passed the consent check: the uplink
/// itself has no way to turn household data into a message.
/// </summary>
public sealed class UplinkMessage
{
    internal UplinkMessage(
        string messageId,
        string topic,
        ReadOnlyMemory<byte> payload,
        string contentType,
        IReadOnlyList<KeyValuePair<string, string>> userProperties,
        string? consentReference,
        bool retain,
        DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        ArgumentNullException.ThrowIfNull(userProperties);
        MessageId = messageId;
        Topic = topic;
        Payload = payload;
        ContentType = contentType;
        UserProperties = userProperties;
        ConsentReference = consentReference;
        Retain = retain;
        CreatedAt = createdAt;
    }

    /// <summary>Stable id for de-duplication at the receiver: a re-send after a lost PUBACK carries the same id.</summary>
    public string MessageId { get; }

    /// <summary>MQTT topic name.</summary>
    public string Topic { get; }

    /// <summary>The payload bytes, exactly as they are sent and logged.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>MQTT 5 content type, e.g. <c>application/senml+json</c>.</summary>
    public string ContentType { get; }

    /// <summary>MQTT 5 user properties, in the order they are sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> UserProperties { get; }

    /// <summary>
    /// <c>consent-id@version</c> the message is sent under; null for the gateway's own control messages
    /// (the consent state), which carry no household values.
    /// </summary>
    public string? ConsentReference { get; }

    /// <summary>Whether the broker keeps the message as the topic's retained value (the consent state).</summary>
    public bool Retain { get; }

    /// <summary>When the egress policy created the message.</summary>
    public DateTimeOffset CreatedAt { get; }
}
