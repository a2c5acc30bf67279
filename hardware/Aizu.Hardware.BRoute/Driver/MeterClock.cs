namespace Aizu.Hardware.BRoute;

/// <summary>Time rules for a Japanese smart meter and a Pi without a real-time clock.</summary>
internal static class MeterClock
{
    /// <summary>B-route meters keep Japan Standard Time, which has no daylight saving.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>
    /// A system clock earlier than this has not been set (a Pi boots at 1970 until NTP answers);
    /// readings are then stamped from the meter's own clock instead.
    /// </summary>
    public static readonly DateTimeOffset EarliestTrustedTime = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsTrusted(DateTimeOffset now) => now >= EarliestTrustedTime;

    public static DateTimeOffset FromMeterLocal(DateTime meterLocal) =>
        new(DateTime.SpecifyKind(meterLocal, DateTimeKind.Unspecified), JapanOffset);
}
