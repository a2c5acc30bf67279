namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>
/// The meter's wall clock. Japanese smart meters keep Japan Standard Time (UTC+9, no daylight saving), so days are
/// always 24 hours and half-hour boundaries are plain arithmetic.
/// </summary>
internal static class JapanTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(9);
    private static readonly long HalfHourTicks = TimeSpan.FromMinutes(30).Ticks;

    public static DateTime Now(TimeProvider time) =>
        DateTime.SpecifyKind(time.GetUtcNow().UtcDateTime + Offset, DateTimeKind.Unspecified);

    public static DateTimeOffset ToUtc(DateTime japanLocal) => new(DateTime.SpecifyKind(japanLocal, DateTimeKind.Unspecified), Offset);

    /// <summary>The latest hour or half hour at or before <paramref name="japanLocal"/>.</summary>
    public static DateTime LatestHalfHour(DateTime japanLocal) =>
        new(japanLocal.Ticks - (japanLocal.Ticks % HalfHourTicks), DateTimeKind.Unspecified);
}
