namespace Aizu.Ingest;

/// <summary>Decides which readings are plausible enough to store.</summary>
internal static class ReadingAdmission
{
    /// <summary>
    /// A Raspberry Pi has no real-time clock and boots at 1970 until NTP answers; anything stamped
    /// before this date was stamped by such an unset clock.
    /// </summary>
    public static readonly DateTimeOffset ClockFloor = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Meters' clocks drift by minutes; more than this is a wrong clock, not drift.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    public static Admission Check(in Reading reading, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(reading.Series) || string.IsNullOrEmpty(reading.Unit) || !double.IsFinite(reading.Value))
        {
            return Admission.Invalid;
        }

        if (reading.Timestamp < ClockFloor)
        {
            return Admission.ClockNotSet;
        }

        return reading.Timestamp - now > MaxAhead ? Admission.FromTheFuture : Admission.Accepted;
    }

    public static string DescribeInvalid(in Reading reading) =>
        string.IsNullOrEmpty(reading.Series) ? "it has no series name"
        : string.IsNullOrEmpty(reading.Unit) ? "it has no unit"
        : $"its value {reading.Value} is not a finite number";
}
