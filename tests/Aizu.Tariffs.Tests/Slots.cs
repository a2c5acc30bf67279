namespace Aizu.Tariffs.Tests;

/// <summary>Slots at local clock times, for writing cases the way a household reads them.</summary>
internal static class Slots
{
    public static DateTimeOffset At(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static EnergySlot Local(TimeZoneInfo zone, DateOnly day, int hour, int minute, int minutes, decimal kWh)
    {
        var start = At(zone, day.Year, day.Month, day.Day, hour, minute);
        return new EnergySlot(start, start.AddMinutes(minutes), kWh);
    }

    /// <summary>One slot per hour of <paramref name="day"/> with <paramref name="kWh"/>(hour) in it.</summary>
    public static EnergySlot[] Hourly(TimeZoneInfo zone, DateOnly day, Func<int, decimal> kWh) =>
        [.. Enumerable.Range(0, 24).Select(hour => Local(zone, day, hour, 0, 60, kWh(hour)))];
}
