using Microsoft.Extensions.Options;

namespace Aizu.Panel;

/// <summary>"Now" and "today" in the household's time zone.</summary>
internal sealed class PanelClock(IOptions<PanelOptions> options, TimeProvider timeProvider)
{
    private readonly TimeZoneInfo? configured = string.IsNullOrWhiteSpace(options.Value.TimeZone)
        ? null
        : TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => configured ?? timeProvider.LocalTimeZone;

    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();

    /// <summary>Today's date in <see cref="Zone"/> and the instant it began.</summary>
    public (DateOnly Date, DateTimeOffset Start) Today()
    {
        var zone = Zone;
        var local = TimeZoneInfo.ConvertTime(UtcNow, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return (date, StartOfDay(date, zone));
    }

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where daylight saving begins at midnight (Santiago, formerly São Paulo) 00:00 does not exist
        // and the day starts at the end of the gap. Gaps are at most a few hours of whole minutes.
        while (zone.IsInvalidTime(start))
        {
            start = start.AddMinutes(1);
        }

        // Where it ends at midnight, 00:00 happens twice; the day starts at the first, larger offset.
        var offset = zone.IsAmbiguousTime(start)
            ? zone.GetAmbiguousTimeOffsets(start).Max()
            : zone.GetUtcOffset(start);
        return new DateTimeOffset(start, offset);
    }
}
