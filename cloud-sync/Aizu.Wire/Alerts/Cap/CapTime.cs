namespace Aizu.Wire;

/// <summary>CAP 1.2 date-times (§3.3.2): <c>YYYY-MM-DDThh:mm:ss±hh:mm</c>, always with an explicit offset.</summary>
public static class CapTime
{
    // CAP forbids "Z" and fractional seconds; insisting on the one form means that two renderings of the same
    // instant in a signed document and in a later `references` triple can be compared as written.
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>Parses a CAP date-time; <paramref name="context"/> names the element in the error.</summary>
    public static DateTimeOffset Parse(string text, string context)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != 25 || text.EndsWith('Z')
            || !DateTimeOffset.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new CapFormatException(
                $"{context} '{text}' is not a CAP date-time: expected YYYY-MM-DDThh:mm:ss with an offset such as +09:00 (-00:00 for UTC; no 'Z', no fractions).");
        }

        return value;
    }

    /// <summary>Formats <paramref name="value"/> as CAP writes it.</summary>
    public static string Format(DateTimeOffset value) => value.ToString(Pattern, CultureInfo.InvariantCulture);
}
