namespace Aizu.Wire;

/// <summary>The MQTT 5 user properties a gateway message carries, and the one order they are sent in.</summary>
public static class UserProperties
{
    /// <summary>
    /// The opaque reference of the consent version the message was released under, valid in one data set and
    /// period only (it links no versions, renewals, periods or purposes); the data set's consent state lists it.
    /// </summary>
    public const string ConsentReference = "consent-ref";

    /// <summary>Purpose id.</summary>
    public const string Purpose = "purpose";

    /// <summary>Aggregation period (ISO 8601 duration).</summary>
    public const string Aggregation = "agg";

    /// <summary>Payload schema id (<see cref="SchemaIds"/>).</summary>
    public const string Schema = "schema";

    /// <summary>Message id for de-duplication (also sent as correlation data).</summary>
    public const string MessageId = "msg-id";

    /// <summary>
    /// The properties of one message in wire order: <c>consent-ref</c>, <c>purpose</c>, <c>agg</c> (each only
    /// when given), <c>schema</c>, <c>msg-id</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(string schema, string messageId, string? consent = null, string? purpose = null, string? aggregation = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var properties = new List<KeyValuePair<string, string>>(5);
        Add(properties, ConsentReference, consent);
        Add(properties, Purpose, purpose);
        Add(properties, Aggregation, aggregation);
        Add(properties, Schema, schema);
        Add(properties, MessageId, messageId);
        return properties;
    }

    private static void Add(List<KeyValuePair<string, string>> properties, string name, string? value)
    {
        if (value is not null)
        {
            properties.Add(new(name, value));
        }
    }
}
