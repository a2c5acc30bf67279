namespace Aizu.Wire;

/// <summary>
/// A district as the city's hierarchy names it: city, district, sub-district, each a lower-case level of
/// letters, digits and dashes joined by '/', e.g. <c>aizuwakamatsu/tsuruga</c>. Only a code from the city's
/// list (areas of a thousand households or more) belongs in a consent state; never a street or an address.
/// </summary>
public static class DistrictCodes
{
    /// <summary>The deepest level the hierarchy has (city → district → sub-district).</summary>
    public const int MaxLevels = 3;

    private const int MaxLevelLength = 40;

    /// <summary>True when <paramref name="code"/> is 1–3 levels of 1–40 characters <c>[a-z0-9-]</c> joined by '/'.</summary>
    public static bool IsValid(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var levels = code.Split('/');
        return levels.Length <= MaxLevels
            && levels.All(l => l.Length is > 0 and <= MaxLevelLength && !l.StartsWith('-') && l.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));
    }
}
