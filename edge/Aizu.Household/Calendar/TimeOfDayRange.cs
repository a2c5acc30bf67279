namespace Aizu.Household;

/// <summary>
/// Local clock times from <paramref name="Start"/> to <paramref name="End"/> (exclusive) on <paramref name="Days"/>,
/// for example "night" 23:00–07:00: the one rule for tariff periods, whether the store sums energy by them or
/// the tariff prices it. An end at or before the start wraps past midnight; equal times cover the whole day.
/// </summary>
/// <param name="Start">Local time the range starts.</param>
/// <param name="End">Local time it ends (exclusive).</param>
/// <param name="Days">Days of the week it applies on (each local time by its own weekday); null for every day.</param>
public readonly record struct TimeOfDayRange(TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek>? Days)
{
    /// <summary>Whether local time <paramref name="local"/> falls in the range.</summary>
    public bool Contains(DateTime local)
    {
        if (Days is not null && !Days.Contains(local.DayOfWeek))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        if (Start == End)
        {
            return true;
        }

        return Start < End ? time >= Start && time < End : time >= Start || time < End;
    }
}
