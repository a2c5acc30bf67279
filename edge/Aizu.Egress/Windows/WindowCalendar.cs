using Aizu.Consent;

namespace Aizu.Egress;

/// <summary>
/// Cuts time into the windows a grant's granularity names, in the household's local time: a day is a
/// local calendar day, a month a local calendar month, an hour or half hour starts on the local
/// clock's hour or half hour.
/// </summary>
public sealed class WindowCalendar
{
    /// <summary>Creates a calendar for <paramref name="zone"/>.</summary>
    public WindowCalendar(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>The household's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The window of <paramref name="granularity"/> that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentException">The granularity is not one of <see cref="Granularity.All"/>.</exception>
    public AggregationWindow Containing(DateTimeOffset instant, string granularity)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        switch (granularity)
        {
            case Granularity.Month:
                var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
                return new(granularity, ToInstant(month), ToInstant(month.AddMonths(1)));
            case Granularity.Day:
                var day = local.Date;
                return new(granularity, ToInstant(day), ToInstant(day.AddDays(1)));
            case Granularity.Hour:
            case Granularity.HalfHour:
                // The local clock's position within its hour (or half hour) is how far the window
                // start lies behind the instant; offsets move in quarter hours at least, so this holds
                // across daylight-saving changes too.
                var length = granularity == Granularity.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(30);
                var start = instant.AddTicks(-(local.Ticks % length.Ticks)).ToUniversalTime();
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

    /// <summary>The local calendar year of <paramref name="instant"/>.</summary>
    public int LocalYear(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).Year;

    private DateTimeOffset ToInstant(DateTime local)
    {
        // A local midnight skipped by a daylight-saving jump starts when the clock resumes.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        // In a repeated hour the window starts at the first occurrence: the larger offset.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
