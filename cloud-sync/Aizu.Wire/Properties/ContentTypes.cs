namespace Aizu.Wire;

/// <summary>The MQTT 5 content types on the wire.</summary>
public static class ContentTypes
{
    /// <summary>SenML JSON, RFC 8428 (energy windows).</summary>
    public const string SenmlJson = "application/senml+json";

    /// <summary>Plain JSON (consent state, deletion requests, alert acknowledgements, status).</summary>
    public const string Json = "application/json";

    /// <summary>A JWS compact serialisation, RFC 7515 §9.2.1 (alerts, key updates, the catalogue).</summary>
    public const string Jose = "application/jose";
}
