namespace Aizu.Egress;

/// <summary>
/// Cuts time into the windows a grant's granularity names, on the household calendar: a day is a local
/// calendar day, a month a local calendar month, an hour or half hour starts on the local clock's hour or
/// half hour. Days and months are the same instants the panel, the rollups and the tariff use.
/// </summary>
public sealed class WindowCutter
{
    /// <summary>Creates a cutter over the household's <paramref name="calendar"/>.</summary>
    public WindowCutter(HouseholdCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    /// <summary>The household calendar the windows follow.</summary>
    public HouseholdCalendar Calendar { get; }

    /// <summary>The household's time zone.</summary>
    public TimeZoneInfo Zone => Calendar.Zone;

    /// <summary>The window of <paramref name="granularity"/> that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentException">The granularity is not one of <see cref="Granularity.All"/>.</exception>
    public AggregationWindow Containing(DateTimeOffset instant, string granularity)
    {
        switch (granularity)
        {
            case Granularity.Month:
                var month = Calendar.LocalDate(instant);
                return new(granularity, Utc(Calendar.StartOfMonth(month)), Utc(Calendar.EndOfMonth(month)));
            case Granularity.Day:
                var day = Calendar.LocalDate(instant);
                return new(granularity, Utc(Calendar.StartOfDay(day)), Utc(Calendar.EndOfDay(day)));
            case Granularity.Hour:
            case Granularity.HalfHour:
                var length = granularity == Granularity.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(30);
                var start = Utc(Calendar.StartOfClockPeriod(instant, length));
                return new(granularity, start, start + length);
            default:
                throw new ArgumentException($"Unknown granularity '{granularity}'.", nameof(granularity));
        }
    }

    /// <summary>The window right after <paramref name="window"/>.</summary>
    public AggregationWindow Next(AggregationWindow window) => Containing(window.End, window.Granularity);

    /// <summary>The first window of <paramref name="granularity"/> that starts at or after <paramref name="instant"/>.</summary>
    public AggregationWindow FirstStartingAtOrAfter(DateTimeOffset instant, string granularity)
    {
        var window = Containing(instant, granularity);
        return window.Start < instant ? Next(window) : window;
    }

    /// <summary>True when <paramref name="window"/> is exactly one window of its granularity (not shifted, not longer).</summary>
    public bool IsWindow(AggregationWindow window) =>
        Granularity.IsKnown(window.Granularity) && Containing(window.Start, window.Granularity) == window;

    // Windows travel and are compared in UTC.
    private static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();
}
