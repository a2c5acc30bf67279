namespace Aizu.Wire;

/// <summary>
/// The JWS <c>cty</c> values the city signs. The content type sits in the signed header, so a key update can
/// never be passed off as an alert or the other way round.
/// </summary>
public static class JwsContentTypes
{
    /// <summary>A CAP 1.2 XML alert.</summary>
    public const string Cap = "application/cap+xml";

    /// <summary>A city key update (<see cref="KeyUpdate"/>).</summary>
    public const string KeyUpdate = "application/vnd.aizu.city-key-update+json";

    /// <summary>A recipient's deletion confirmation (<see cref="DeletionConfirmationPayload"/>).</summary>
    public const string DeletionConfirmation = "application/vnd.aizu.deletion-confirmation+json";
}
