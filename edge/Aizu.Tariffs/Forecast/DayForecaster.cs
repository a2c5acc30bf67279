namespace Aizu.Tariffs;

/// <summary>
/// Projects today's energy and cost to the end of the day.
/// </summary>
/// <remarks>
/// <para>
/// With a <see cref="DayProfile"/> (the same weekday last week, else yesterday), the rest of today follows
/// the profile day's slots at the same local clock times: each profile slot is moved onto today, the part
/// after "now" is added to today's energy so far. Gaps in the profile (the gateway was off) are filled by
/// scaling what it has up to the whole rest of the day; when it covers less than 90 % of the rest of the day
/// it is not used.
/// </para>
/// <para>
/// Without a usable profile, import continues at the day's average rate so far (linear extrapolation), once
/// at least <see cref="MinimumElapsedForLinear"/> of the day has passed; before that nothing is projected and
/// the forecast is the figure so far (<see cref="ForecastMethod.SoFar"/>). Export (PV) follows the sun, not a
/// straight line, so it is only projected from a profile.
/// </para>
/// <para>The projected cost prices the projected slots with the tariff, like the cost so far.</para>
/// </remarks>
public sealed class DayForecaster(TariffCalculator calculator, TimeProvider timeProvider)
{
    /// <summary>How much of the day must have passed before import is extrapolated linearly.</summary>
    public static readonly TimeSpan MinimumElapsedForLinear = TimeSpan.FromHours(1);

    private const decimal MinimumProfileCoverage = 0.9m;
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    private readonly TariffCalculator calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));
    private readonly TimeProvider timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <summary>
    /// Today's forecast at the time provider's "now": see <see cref="Forecast(DateTimeOffset, IReadOnlyList{EnergySlot}, IReadOnlyList{EnergySlot}, decimal, DayProfile?)"/>.
    /// </summary>
    public DayForecast Forecast(
        IReadOnlyList<EnergySlot> importToday, IReadOnlyList<EnergySlot> exportToday, decimal monthImportBeforeTodayKWh, DayProfile? profile) =>
        Forecast(timeProvider.GetUtcNow(), importToday, exportToday, monthImportBeforeTodayKWh, profile);

    /// <summary>
    /// The forecast for the local day holding <paramref name="now"/>. Slots starting from local midnight to
    /// <paramref name="now"/> are the energy so far (others are ignored); <paramref name="monthImportBeforeTodayKWh"/>
    /// is the month's import before today (tiered tariffs).
    /// </summary>
    public DayForecast Forecast(
        DateTimeOffset now,
        IReadOnlyList<EnergySlot> importToday,
        IReadOnlyList<EnergySlot> exportToday,
        decimal monthImportBeforeTodayKWh,
        DayProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(importToday);
        ArgumentNullException.ThrowIfNull(exportToday);
        var calendar = calculator.Tariff.Calendar;
        var day = calendar.LocalDate(now);
        var dayStart = calendar.StartOfDay(day);
        var dayEnd = calendar.EndOfDay(day);

        var importSoFar = importToday.Where(s => s.Start >= dayStart && s.Start < now).ToArray();
        var exportSoFar = exportToday.Where(s => s.Start >= dayStart && s.Start < now).ToArray();
        var importSoFarKWh = importSoFar.Sum(s => s.KWh);
        var exportSoFarKWh = exportSoFar.Sum(s => s.KWh);

        var (importMethod, remainingImport) = FromProfile(calendar, profile?.Day, profile?.Import, day, now, dayEnd) is { } fromProfile
            ? (ForecastMethod.Profile, fromProfile)
            : now - dayStart >= MinimumElapsedForLinear
                ? (ForecastMethod.Linear, Linear(importSoFarKWh, now - dayStart, now, dayEnd))
                : (ForecastMethod.SoFar, []);
        var (exportMethod, remainingExport) = FromProfile(calendar, profile?.Day, profile?.Export, day, now, dayEnd) is { } exportFromProfile
            ? (ForecastMethod.Profile, exportFromProfile)
            : (ForecastMethod.SoFar, []);

        var costSoFar = calculator.CostOfDay(day, importSoFar, exportSoFar, monthImportBeforeTodayKWh);
        var cost = calculator.CostOfDay(day, importSoFar.Concat(remainingImport), exportSoFar.Concat(remainingExport), monthImportBeforeTodayKWh);
        return new DayForecast(
            day,
            now,
            importMethod,
            exportMethod,
            importSoFarKWh,
            exportSoFarKWh,
            importSoFarKWh + remainingImport.Sum(s => s.KWh),
            exportSoFarKWh + remainingExport.Sum(s => s.KWh),
            remainingImport,
            remainingExport,
            costSoFar,
            cost);
    }

    private static EnergySlot[]? FromProfile(
        HouseholdCalendar calendar, DateOnly? profileDay, IReadOnlyList<EnergySlot>? slots, DateOnly day, DateTimeOffset now, DateTimeOffset dayEnd)
    {
        if (profileDay is not { } reference || slots is null || slots.Count == 0)
        {
            return null;
        }

        var remaining = dayEnd - now;
        if (remaining <= TimeSpan.Zero)
        {
            return [];
        }

        var moved = new List<EnergySlot>();
        long coveredTicks = 0;
        foreach (var slot in slots)
        {
            var local = calendar.LocalTime(slot.Start);
            if (DateOnly.FromDateTime(local) != reference || slot.End == slot.Start)
            {
                continue;
            }

            var start = calendar.ToInstant(day.ToDateTime(TimeOnly.FromDateTime(local)));
            var end = start + (slot.End - slot.Start);
            var from = start > now ? start : now;
            var to = end < dayEnd ? end : dayEnd;
            if (to <= from)
            {
                continue;
            }

            coveredTicks += (to - from).Ticks;
            moved.Add(new EnergySlot(from, to, new EnergySlot(start, end, slot.KWh).KWhWithin(from, to)));
        }

        if (coveredTicks < MinimumProfileCoverage * remaining.Ticks)
        {
            return null;
        }

        // Fill the profile's gaps by scaling what it has to the whole rest of the day.
        return coveredTicks >= remaining.Ticks
            ? [.. moved]
            : [.. moved.Select(s => new EnergySlot(s.Start, s.End, s.KWh * remaining.Ticks / coveredTicks))];
    }

    private static EnergySlot[] Linear(decimal soFarKWh, TimeSpan elapsed, DateTimeOffset now, DateTimeOffset dayEnd)
    {
        // The rest of the day at the average rate so far, spread over quarter hours; the last one takes what
        // division left over, so the slots add up to the projection exactly.
        var remainingKWh = soFarKWh * (dayEnd - now).Ticks / elapsed.Ticks;
        var slots = new List<EnergySlot>();
        var assigned = 0m;
        var from = now;
        while (from < dayEnd)
        {
            // Quarter hours fall on the same instants in every zone, so the UTC grid is the local one.
            var next = new DateTimeOffset((from.UtcTicks / Quarter.Ticks + 1) * Quarter.Ticks, TimeSpan.Zero);
            var to = next < dayEnd ? next : dayEnd;
            var kWh = to == dayEnd ? remainingKWh - assigned : remainingKWh * (to - from).Ticks / (dayEnd - now).Ticks;
            slots.Add(new EnergySlot(from, to, Math.Max(0m, kWh)));
            assigned += kWh;
            from = to;
        }

        return [.. slots];
    }
}
