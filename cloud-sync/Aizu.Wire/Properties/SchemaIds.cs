namespace Aizu.Wire;

/// <summary>The payload schema ids carried in the <see cref="UserProperties.Schema"/> user property.</summary>
public static class SchemaIds
{
    /// <summary>Telemetry: one SenML record of energy over a window.</summary>
    public const string EnergyWindow = "aizu.energy-window/1";

    /// <summary>The retained consent state.</summary>
    public const string ConsentState = "aizu.consent-state/1";

    /// <summary>A deletion request.</summary>
    public const string DeletionRequest = "aizu.deletion-request/1";

    /// <summary>The recipient's signed confirmation that it deleted a data set's data.</summary>
    public const string DeletionConfirmation = "aizu.deletion-confirmation/1";

    /// <summary>An alert acknowledgement ("I'm safe").</summary>
    public const string AlertAck = "aizu.alert-ack/1";
}
