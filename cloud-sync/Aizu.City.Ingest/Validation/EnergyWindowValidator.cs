namespace Aizu.City.Ingest;

/// <summary>
/// Checks a data message against the wire contract (docs/uplink.md): size, topic, user properties,
/// schema, SenML record, unit, window. Pure apart from the clock; the consent check comes after.
/// </summary>
public sealed class EnergyWindowValidator(IOptions<IngestOptions> options, TimeProvider time)
{
    /// <summary>The data category of alert acknowledgements (the gateway's <c>DataCategories.AlertAcknowledgement</c>).</summary>
    public const string AlertAckCategory = "alert.ack";

    private readonly IngestOptions settings = options.Value;

    /// <summary>The window, or null with <paramref name="rejection"/> saying why not.</summary>
    public EnergyWindow? Validate(IncomingMessage message, out Rejection? rejection)
    {
        ArgumentNullException.ThrowIfNull(message);
        rejection = null;
        if (message.Payload.Length > settings.MaxPayloadBytes)
        {
            return Refuse(out rejection, RejectionReasons.TooLarge, $"{message.Payload.Length} bytes, the limit is {settings.MaxPayloadBytes}");
        }

        if (!DataTopic.TryParse(message.Topic, out var topic))
        {
            return Refuse(out rejection, RejectionReasons.BadTopic, "not aizu/v1/dt/{purpose}/{category}/{pseudonym}");
        }

        var properties = message.Properties;
        if (!properties.TryGetValue(UserProperties.Schema, out var schema))
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, "no schema property");
        }

        if (schema != SchemaIds.EnergyWindow && schema != SchemaIds.AlertAck)
        {
            return Refuse(out rejection, RejectionReasons.UnsupportedSchema, $"schema '{schema}' is neither {SchemaIds.EnergyWindow} nor {SchemaIds.AlertAck}");
        }

        if (!properties.TryGetValue(UserProperties.MessageId, out var messageId) || !WireTopics.IsLevel(messageId)
            || !properties.TryGetValue(UserProperties.ConsentReference, out var consent) || consent.Length is 0 or > 200
            || !properties.TryGetValue(UserProperties.Purpose, out var purpose)
            || !properties.TryGetValue(UserProperties.Aggregation, out var aggregation))
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, "msg-id, consent-ref, purpose and agg are required");
        }

        if (purpose != topic!.Purpose)
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, $"purpose property '{purpose}' is not the topic's '{topic.Purpose}'");
        }

        if (schema == SchemaIds.AlertAck)
        {
            return ValidateAlertAck(message, topic, messageId, consent, aggregation, out rejection);
        }

        EnergyWindowMessage record;
        try
        {
            record = EnergyWindowPayload.Read(message.Payload.Span);
        }
        catch (FormatException exception)
        {
            return Refuse(out rejection, Classify(message.Payload.Span), exception.Message);
        }

        if (record.Pseudonym != topic.Pseudonym || record.Category != topic.Category)
        {
            return Refuse(out rejection, RejectionReasons.BadSenml, $"the record names {record.Category} of {record.Pseudonym}, the topic {topic.Category} of {topic.Pseudonym}");
        }

        if (record.Aggregation != aggregation)
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, $"agg property '{aggregation}' is not the record's '{record.Aggregation}'");
        }

        if (!IsoDuration.TryParse(aggregation, out var length) || length.IsZero)
        {
            return Refuse(out rejection, RejectionReasons.BadWindow, $"agg '{aggregation}' is not an ISO 8601 duration");
        }

        if (record.ValueWh < 0)
        {
            return Refuse(out rejection, RejectionReasons.BadValue, $"energy {record.ValueWh} Wh is negative");
        }

        var end = length.After(record.WindowStart);
        if (end > time.GetUtcNow() + settings.FutureTolerance)
        {
            return Refuse(out rejection, RejectionReasons.FutureWindow, $"the window ends {end:O}, in the future");
        }

        return new EnergyWindow(messageId, new DataSet(topic.Purpose, topic.Pseudonym), topic.Category, record.WindowStart, end, aggregation, record.ValueWh, consent);
    }

    // The contract of an acknowledgement (docs/uplink.md): its own category, the topic's pseudonym, the agg property
    // equal to the record's, a CAP reference, a window no later than now.
    private EnergyWindow? ValidateAlertAck(IncomingMessage message, DataTopic topic, string messageId, string consent, string aggregation, out Rejection? rejection)
    {
        rejection = null;
        if (topic.Category != AlertAckCategory)
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, $"an alert acknowledgement on category {topic.Category}, not {AlertAckCategory}");
        }

        AlertAckMessage ack;
        try
        {
            ack = AlertAckPayload.Read(message.Payload.Span);
        }
        catch (FormatException exception)
        {
            return Refuse(out rejection, RejectionReasons.BadJson, exception.Message);
        }

        if (ack.Pseudonym != topic.Pseudonym)
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, $"the acknowledgement names {ack.Pseudonym}, the topic {topic.Pseudonym}");
        }

        if (ack.Aggregation != aggregation)
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, $"agg property '{aggregation}' is not the acknowledgement's '{ack.Aggregation}'");
        }

        if (ack.Alert.Length is 0 or > 512 || ack.Alert.Any(char.IsControl))
        {
            return Refuse(out rejection, RejectionReasons.BadProperties, "the alert is not a CAP reference");
        }

        if (!IsoDuration.TryParse(aggregation, out var length) || length.IsZero)
        {
            return Refuse(out rejection, RejectionReasons.BadWindow, $"agg '{aggregation}' is not an ISO 8601 duration");
        }

        // The answer was given inside the window, so the window's start (not its end) must not lie ahead.
        if (ack.Window > time.GetUtcNow() + settings.FutureTolerance)
        {
            return Refuse(out rejection, RejectionReasons.FutureWindow, $"the window starts {ack.Window:O}, in the future");
        }

        return new EnergyWindow(messageId, new DataSet(topic.Purpose, topic.Pseudonym), topic.Category, ack.Window, length.After(ack.Window), aggregation, 0, consent)
        {
            Alert = ack.Alert,
        };
    }

    // Only on the refusal path: which of the contract's rules the payload broke, for the operator's counts.
    private static string Classify(ReadOnlySpan<byte> payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            return document.RootElement is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 1
                && array[0].ValueKind == JsonValueKind.Object
                && array[0].TryGetProperty("u", out var unit) && unit.ValueKind == JsonValueKind.String && unit.GetString() != EnergyWindowPayload.Unit
                ? RejectionReasons.WrongUnit
                : RejectionReasons.BadSenml;
        }
        catch (JsonException)
        {
            return RejectionReasons.BadJson;
        }
        catch (ArgumentException)
        {
            return RejectionReasons.BadJson;
        }
    }

    private static EnergyWindow? Refuse(out Rejection? rejection, string reason, string detail)
    {
        rejection = new Rejection(reason, detail);
        return null;
    }
}
