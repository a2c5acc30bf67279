namespace Aizu.Panel;

/// <summary>
/// The one way the panel's API reads a date parameter (<c>yyyy-MM-dd</c>), within the years the household
/// calendar can turn into instants: 0001-01-01 or 9999-12-31 would overflow when a day or a time-zone offset
/// is added, so they are refused with a message instead of failing inside the store.
/// </summary>
internal static class PanelDate
{
    public static readonly DateOnly Earliest = new(1970, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    /// <summary>True and the date when <paramref name="text"/> is a supported date; otherwise the problem in one sentence.</summary>
    public static bool TryParse(string? text, string name, out DateOnly date, out string problem)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problem = $"{name} '{text}' is not a date like 2026-11-24.";
            return false;
        }

        if (date < Earliest || date > Latest)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"{name} {date:yyyy-MM-dd} is outside the dates the panel covers ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}).");
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
