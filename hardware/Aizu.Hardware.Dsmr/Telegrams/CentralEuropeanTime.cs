namespace Aizu.Hardware.Dsmr;

/// <summary>
/// The clock DSMR and e-MUCS meters keep: local time in the Netherlands, Belgium and Luxembourg, CET (UTC+1) in winter
/// and CEST (UTC+2) from the last Sunday of March to the last Sunday of October, both switches at 01:00 UTC.
/// </summary>
/// <remarks>
/// The rule is written out rather than looked up in the system's time zone database so that parsing gives the same
/// instant on every host, including a minimal container without tzdata. DSMR 4 and later flag each timestamp with
/// <c>W</c> (winter) or <c>S</c> (summer), so the rule is only needed for DSMR 2.2/3 timestamps, which carry no flag.
/// </remarks>
public static class CentralEuropeanTime
{
    /// <summary>UTC offset in winter (CET).</summary>
    public static readonly TimeSpan WinterOffset = TimeSpan.FromHours(1);

    /// <summary>UTC offset in summer (CEST).</summary>
    public static readonly TimeSpan SummerOffset = TimeSpan.FromHours(2);

    /// <summary>Whether <paramref name="instant"/> falls in summer time.</summary>
    public static bool IsSummerTime(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var start = LastSundayAtOneUtc(utc.Year, 3);
        var end = LastSundayAtOneUtc(utc.Year, 10);
        return utc >= start && utc < end;
    }

    /// <summary><paramref name="instant"/> on the meter's clock.</summary>
    public static DateTimeOffset ToMeterTime(DateTimeOffset instant) =>
        instant.ToOffset(IsSummerTime(instant) ? SummerOffset : WinterOffset);

    /// <summary>
    /// The instant a local wall-clock time without DST flag stands for. In the hour that occurs twice in October the
    /// summer-time reading is taken, in the hour that does not exist in March the winter-time one.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var asSummer = new DateTimeOffset(unspecified, SummerOffset);
        return IsSummerTime(asSummer) ? asSummer : new DateTimeOffset(unspecified, WinterOffset);
    }

    private static DateTime LastSundayAtOneUtc(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
