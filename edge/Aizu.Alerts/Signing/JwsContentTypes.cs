namespace Aizu.Alerts;

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

    /// <summary>RFC 7515 §4.1.10: <c>cap+xml</c> means <c>application/cap+xml</c>; media types compare case-insensitively.</summary>
    public static bool AreSame(string? contentType, string expected) =>
        contentType is not null
        && string.Equals(contentType.Contains('/', StringComparison.Ordinal) ? contentType : "application/" + contentType, expected, StringComparison.OrdinalIgnoreCase);
}
