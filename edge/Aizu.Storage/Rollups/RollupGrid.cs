namespace Aizu.Storage;

/// <summary>
/// Bucket boundaries: minutes, quarter hours and hours on the UTC grid, days from the household
/// calendar's local midnight to the next. Every zone's offset is a multiple of 15 minutes, so each local
/// day is a whole number of quarter hours and day buckets can be merged from quarter-hour buckets.
/// </summary>
internal sealed class RollupGrid(HouseholdCalendar household)
{
    public const long MinuteMs = 60_000;
    public const long QuarterHourMs = 900_000;
    public const long HourMs = 3_600_000;

    // Day starts by quarter-hour key; bounded so a long-running gateway does not grow it forever. The
    // writer and concurrent panel reads share it, hence the lock.
    private const int CacheLimit = 4_096;
    private readonly Dictionary<long, long> dayStarts = [];
    private readonly Lock cacheLock = new();

    public HouseholdCalendar Household { get; } = household;

    public static long Floor(long ms, long width)
    {
        var remainder = ms % width;
        return remainder < 0 ? ms - remainder - width : ms - remainder;
    }

    public static long Width(RollupLevel level) => level switch
    {
        RollupLevel.Minute => MinuteMs,
        RollupLevel.QuarterHour => QuarterHourMs,
        RollupLevel.Hour => HourMs,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Days have no fixed width."),
    };

    /// <summary>Start (Unix ms) of the bucket of <paramref name="level"/> holding <paramref name="ms"/>.</summary>
    public long BucketStart(RollupLevel level, long ms) =>
        level == RollupLevel.Day ? DayStart(ms) : Floor(ms, Width(level));

    /// <summary>Start of the bucket after the one starting at <paramref name="start"/>.</summary>
    public long NextBucketStart(RollupLevel level, long start) =>
        level == RollupLevel.Day ? NextDayStart(start) : start + Width(level);

    /// <summary>Unix ms of local midnight starting the day that holds <paramref name="ms"/>.</summary>
    public long DayStart(long ms)
    {
        var quarter = Floor(ms, QuarterHourMs);
        lock (cacheLock)
        {
            if (dayStarts.TryGetValue(quarter, out var cached))
            {
                return cached;
            }
        }

        var start = Household.StartOfDay(DateTimeOffset.FromUnixTimeMilliseconds(quarter)).ToUnixTimeMilliseconds();
        lock (cacheLock)
        {
            if (dayStarts.Count >= CacheLimit)
            {
                dayStarts.Clear();
            }

            dayStarts[quarter] = start;
        }

        return start;
    }

    /// <summary>Unix ms of the local midnight after the day starting at <paramref name="dayStart"/>.</summary>
    public long NextDayStart(long dayStart) =>
        Household.EndOfDay(LocalDate(dayStart)).ToUnixTimeMilliseconds();

    /// <summary>The local calendar date of <paramref name="ms"/>.</summary>
    public DateOnly LocalDate(long ms) => Household.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(ms));

    /// <summary>Unix ms of the first instant of <paramref name="date"/> in the household.</summary>
    public long LocalMidnight(DateOnly date) => Household.StartOfDay(date).ToUnixTimeMilliseconds();
}
