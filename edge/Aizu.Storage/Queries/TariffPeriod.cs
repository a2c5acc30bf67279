namespace Aizu.Storage;

/// <summary>
/// A tariff period by local time of day, for example "night" 23:00–07:00. <see cref="End"/> at or before
/// <see cref="Start"/> wraps past midnight; equal times cover the whole day. Both must fall on a quarter
/// hour, the grain of the rollups the energy comes from.
/// </summary>
/// <param name="Name">Name shown to the user.</param>
/// <param name="Start">Local time the period starts.</param>
/// <param name="End">Local time the period ends (exclusive).</param>
/// <param name="Days">Days of the week it applies on; null for every day.</param>
public sealed record TariffPeriod(string Name, TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek>? Days = null)
{
    /// <summary>Whether local time <paramref name="local"/> falls in the period.</summary>
    public bool Contains(DateTime local) => new TimeOfDayRange(Start, End, Days).Contains(local);
}
