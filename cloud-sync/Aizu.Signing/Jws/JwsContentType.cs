namespace Aizu.Signing;

/// <summary>Comparing JWS <c>cty</c> values as RFC 7515 §4.1.10 says.</summary>
public static class JwsContentType
{
    /// <summary>
    /// True when <paramref name="contentType"/> names <paramref name="expected"/>: <c>cap+xml</c> means
    /// <c>application/cap+xml</c>, and media types compare case-insensitively.
    /// </summary>
    public static bool AreSame(string? contentType, string expected) =>
        contentType is not null
        && string.Equals(contentType.Contains('/', StringComparison.Ordinal) ? contentType : "application/" + contentType, expected, StringComparison.OrdinalIgnoreCase);
}
