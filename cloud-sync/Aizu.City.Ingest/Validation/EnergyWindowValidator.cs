using System.Text.Json;
using Aizu.Wire;
using Microsoft.Extensions.Options;

namespace Aizu.City.Ingest;

/// <summary>
/// Checks a data message against the wire contract (docs/uplink.md): size, topic, user properties,
/// schema, SenML record, unit, window. Pure apart from the clock; the consent check comes after.
/// </summary>
public sealed class EnergyWindowValidator(IOptions<IngestOptions> options, TimeProvider time)
{
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

        if (schema != SchemaIds.EnergyWindow)
        {
            return Refuse(out rejection, RejectionReasons.UnsupportedSchema, $"schema '{schema}' is not {SchemaIds.EnergyWindow}");
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
