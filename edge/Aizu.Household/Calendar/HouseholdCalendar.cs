namespace Aizu.Household;

/// <summary>
/// The household's calendar: its time zone, its local days, months and clock hours as instants, and
/// local wall-clock time to and from instants. The gateway has one (set by <c>Aizu:Household:TimeZone</c>)
/// and the panel, the day rollups, the tariff, consented uplink windows and alert quiet hours all use it,
/// so a household's day is the same instants everywhere.
/// </summary>
/// <remarks>
/// One rule turns a local time into an instant: <b>the first instant at which the household's clock shows
/// that time or a later one</b>. So
/// <list type="bullet">
/// <item>a time the clocks skip when they spring forward maps to the first instant after the gap: in
/// <c>Europe/Amsterdam</c> on the last Sunday of March, 02:30 means 03:00 CEST (01:00 UTC), and where
/// midnight itself is skipped (<c>America/Santiago</c>) the day starts when the clocks resume;</item>
/// <item>a time the clocks show twice when they fall back maps to its first, earlier occurrence: on the
/// last Sunday of October 02:30 means 02:30 CEST (00:30 UTC), not 02:30 CET.</item>
/// </list>
/// A local day therefore runs from one local midnight to the next (23 or 25 hours on the change days),
/// and consecutive days, months and hours tile time without gaps or overlaps.
/// </remarks>
public sealed class HouseholdCalendar
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    // No zone is ahead of UTC by more than 14 hours or behind it by more than 12: a local time's
    // instants all lie within these bounds of the same clock reading taken as UTC.
    private static readonly TimeSpan MaxAhead = TimeSpan.FromHours(15);
    private static readonly TimeSpan MaxBehind = TimeSpan.FromHours(13);

    /// <summary>Creates the calendar of <paramref name="zone"/>.</summary>
    public HouseholdCalendar(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>The household's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>
    /// The calendar of <paramref name="zoneId"/> (<see cref="HouseholdOptions.TimeZone"/>), or of <paramref name="systemZone"/>
    /// when it is empty: the one rule for the gateway's host and for every <c>aizu</c> verb that opens the store.
    /// </summary>
    /// <exception cref="TimeZoneNotFoundException">The system does not know <paramref name="zoneId"/>.</exception>
    public static HouseholdCalendar ForZone(string? zoneId, TimeZoneInfo systemZone)
    {
        ArgumentNullException.ThrowIfNull(systemZone);
        return new HouseholdCalendar(string.IsNullOrWhiteSpace(zoneId) ? systemZone : TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }

    /// <summary>The household's wall-clock time at <paramref name="instant"/> (kind unspecified).</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The household's date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant));

    /// <summary>
    /// The instant local time <paramref name="localTime"/> stands for, with the zone's offset at that
    /// instant: the first instant at which the household's clock shows it or a later time (see the remarks
    /// on <see cref="HouseholdCalendar"/>).
    /// </summary>
    public DateTimeOffset ToInstant(DateTime localTime)
    {
        var wall = DateTime.SpecifyKind(localTime, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(wall))
        {
            return FirstInstantShowing(wall);
        }

        // The larger offset is the earlier of the two instants a repeated time stands for.
        var offset = Zone.IsAmbiguousTime(wall) ? Zone.GetAmbiguousTimeOffsets(wall).Max() : Zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset);
    }

    /// <summary>The first instant of local day <paramref name="date"/>.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => ToInstant(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>The first instant after local day <paramref name="date"/> (the next day's start).</summary>
    public DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1));

    /// <summary>The first instant of the local calendar month holding <paramref name="anyDay"/>.</summary>
    public DateTimeOffset StartOfMonth(DateOnly anyDay) => StartOfDay(new DateOnly(anyDay.Year, anyDay.Month, 1));

    /// <summary>The first instant after the local calendar month holding <paramref name="anyDay"/>.</summary>
    public DateTimeOffset EndOfMonth(DateOnly anyDay) => StartOfDay(new DateOnly(anyDay.Year, anyDay.Month, 1).AddMonths(1));

    /// <summary>The first instant of the local day holding <paramref name="instant"/>.</summary>
    public DateTimeOffset StartOfDay(DateTimeOffset instant) => StartOfDay(LocalDate(instant));

    /// <summary>The start of the local clock hour holding <paramref name="instant"/>.</summary>
    public DateTimeOffset StartOfHour(DateTimeOffset instant) => StartOfClockPeriod(instant, OneHour);

    /// <summary>
    /// The start of the local clock period of <paramref name="length"/> (an hour, half an hour, a quarter
    /// hour: a whole fraction of an hour) holding <paramref name="instant"/>: the instant the clock last
    /// showed a multiple of <paramref name="length"/>. In the hour the clocks repeat, each pass of it is a
    /// period of its own.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> does not divide an hour.</exception>
    public DateTimeOffset StartOfClockPeriod(DateTimeOffset instant, TimeSpan length)
    {
        if (length <= TimeSpan.Zero || OneHour.Ticks % length.Ticks != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A clock period must divide an hour.");
        }

        // How far the clock is into its period is how far the period's start lies behind the instant;
        // offsets change by whole quarter hours, so no change falls inside a period of an hour or less.
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return local.AddTicks(-(local.Ticks % length.Ticks));
    }

    // A time in a spring-forward gap: the clock jumps over it, so the first instant showing it or a later
    // time is the instant of the jump. Local time only moves backwards when clocks fall back, which no zone
    // does within a day of a jump, so bisection over the instants that could show this time finds it.
    private DateTimeOffset FirstInstantShowing(DateTime wall)
    {
        var before = new DateTimeOffset(wall, TimeSpan.Zero) - MaxAhead;
        var after = new DateTimeOffset(wall, TimeSpan.Zero) + MaxBehind;
        while (after.UtcTicks - before.UtcTicks > TimeSpan.TicksPerSecond)
        {
            var middle = before.AddTicks((after.UtcTicks - before.UtcTicks) / 2);
            if (LocalTime(middle) >= wall)
            {
                after = middle;
            }
            else
            {
                before = middle;
            }
        }

        // Transitions fall on whole seconds; the bisection stops within one second after it.
        var jump = new DateTimeOffset(after.UtcTicks - (after.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        if (LocalTime(jump) < wall)
        {
            jump = jump.AddSeconds(1);
        }

        return TimeZoneInfo.ConvertTime(jump, Zone);
    }
}
