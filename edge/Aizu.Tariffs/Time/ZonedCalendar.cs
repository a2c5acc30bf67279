namespace Aizu.Tariffs;

/// <summary>
/// Local days and months of one time zone as instants. Where a local time does not exist (clocks jump
/// forward) it means the first instant after the gap; where it exists twice (clocks go back), the first.
/// </summary>
internal sealed class ZonedCalendar(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    public DateTimeOffset StartOfDay(DateOnly date) => ToInstant(date.ToDateTime(TimeOnly.MinValue));

    public DateTimeOffset EndOfDay(DateOnly date) => StartOfDay(date.AddDays(1));

    public DateTimeOffset StartOfMonth(DateOnly anyDay) => StartOfDay(new DateOnly(anyDay.Year, anyDay.Month, 1));

    public DateTimeOffset EndOfMonth(DateOnly anyDay) => StartOfDay(new DateOnly(anyDay.Year, anyDay.Month, 1).AddMonths(1));

    /// <summary>The instant local clock time <paramref name="local"/> stands for.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // In a gap: read it with the offset in force before the gap, which lands as far past the gap's
            // start as the time is (the gap's first instant for its first time).
            var before = Zone.GetUtcOffset(local.AddDays(-1));
            return new DateTimeOffset(local - before, TimeSpan.Zero).ToOffset(Zone.GetUtcOffset(new DateTimeOffset(local - before, TimeSpan.Zero)));
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
