namespace Aizu.Tariffs;

/// <summary>Comparison figures over energy slots: today so far against earlier days up to the same time.</summary>
public static class DayComparer
{
    /// <summary>
    /// Today (the local day holding <paramref name="now"/> on the household <paramref name="calendar"/>) from midnight to
    /// <paramref name="now"/>, yesterday and the same weekday last week each from midnight to the same local
    /// clock time. <paramref name="slots"/> should cover the last eight days (hourly or 15-minute slots from
    /// the store, of one register). Today's slots that start before <paramref name="now"/> count whole (the
    /// store's slot holding "now" holds only what was counted so far); on the earlier days a slot that
    /// straddles the cut counts in proportion to its part before the cut.
    /// </summary>
    /// <remarks>
    /// Where the same clock time does not exist on an earlier day, or exists twice, the cut follows the
    /// household calendar's rule (<see cref="HouseholdCalendar.ToInstant"/>).
    /// </remarks>
    public static DayComparison Compare(IEnumerable<EnergySlot> slots, DateTimeOffset now, HouseholdCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(calendar);
        var local = calendar.LocalTime(now);
        var today = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var yesterday = today.AddDays(-1);
        var lastWeek = today.AddDays(-7);
        var all = slots as IReadOnlyCollection<EnergySlot> ?? [.. slots];

        return new DayComparison(
            today,
            time,
            all.Where(s => s.Start >= calendar.StartOfDay(today) && s.Start < now).Sum(s => s.KWh),
            yesterday,
            UpTo(all, calendar.StartOfDay(yesterday), calendar.ToInstant(yesterday.ToDateTime(time)), calendar.StartOfDay(today)),
            lastWeek,
            UpTo(all, calendar.StartOfDay(lastWeek), calendar.ToInstant(lastWeek.ToDateTime(time)), calendar.StartOfDay(lastWeek.AddDays(1))));
    }

    private static decimal? UpTo(IReadOnlyCollection<EnergySlot> slots, DateTimeOffset from, DateTimeOffset cut, DateTimeOffset dayEnd)
    {
        // At midnight nothing of the earlier day lies before the cut: a day with data then used 0 kWh so far, not "unknown".
        if (cut <= from)
        {
            return slots.Any(s => s.Start >= from && s.Start < dayEnd) ? 0m : null;
        }

        decimal? total = null;
        foreach (var slot in slots)
        {
            if (slot.Start >= from && slot.Start < cut)
            {
                total = (total ?? 0m) + slot.KWhWithin(from, cut);
            }
        }

        return total;
    }
}
