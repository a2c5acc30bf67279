namespace Aizu.Ingest;

/// <summary>
/// Sees the system clock step (set by hand, by NTP, from 1970 at boot): between two looks the wall clock moved
/// by a different amount than the monotonic clock, which nothing can set. Used by the single ingest loop only.
/// </summary>
internal sealed class ClockWatch(TimeProvider time)
{
    /// <summary>
    /// Smaller differences are noise: NTP slews by at most 0.5 ms a second, and the two clocks are read a moment
    /// apart. systemd-timesyncd and chrony step at larger offsets than this.
    /// </summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);

    private long? lastOffsetTicks;

    /// <summary>Reads the wall clock into <paramref name="now"/>; returns how far it stepped since the last look (negative: back), or zero.</summary>
    public TimeSpan Look(out DateTimeOffset now)
    {
        var monotonic = time.GetElapsedTime(0);
        now = time.GetUtcNow();
        var offset = now.UtcTicks - monotonic.Ticks;
        var previous = lastOffsetTicks;
        lastOffsetTicks = offset;
        if (previous is not { } last)
        {
            return TimeSpan.Zero;
        }

        var step = TimeSpan.FromTicks(offset - last);
        return step.Duration() >= Threshold ? step : TimeSpan.Zero;
    }
}
