namespace Aizu.Egress;

/// <summary>Names and fixed values of the MQTT 5 user properties and content types the egress side sets.</summary>
public static class UplinkProperties
{
    /// <summary><c>consent-id@version</c> the message was released under.</summary>
    public const string ConsentId = "consent-id";

    /// <summary>Purpose id.</summary>
    public const string Purpose = "purpose";

    /// <summary>Aggregation period (ISO 8601 duration).</summary>
    public const string Aggregation = "agg";

    /// <summary>Payload schema id.</summary>
    public const string Schema = "schema";

    /// <summary>Message id for de-duplication.</summary>
    public const string MessageId = "msg-id";

    /// <summary>SenML JSON, RFC 8428.</summary>
    public const string SenmlJson = "application/senml+json";

    /// <summary>Plain JSON (consent state, deletion requests).</summary>
    public const string Json = "application/json";

    /// <summary>Schema of telemetry: one SenML record of energy over a window.</summary>
    public const string EnergySchema = "aizu.energy-window/1";

    /// <summary>Schema of the retained consent state.</summary>
    public const string ConsentStateSchema = "aizu.consent-state/1";

    /// <summary>Schema of a deletion request.</summary>
    public const string DeletionSchema = "aizu.deletion-request/1";

    /// <summary>Schema of an alert acknowledgement ("I'm safe").</summary>
    public const string AcknowledgementSchema = "aizu.alert-ack/1";
}
