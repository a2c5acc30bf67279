namespace Aizu.Ingest;

/// <summary>
/// Counters of the ingest pipeline for the panel's status line. Thread-safe; each property reads the
/// current value.
/// </summary>
public sealed class IngestStatistics(LiveFeed feed)
{
    private long stored;
    private long rejectedClock;
    private long rejectedFuture;
    private long rejectedInvalid;
    private long rejectedCovered;
    private long clockStepsBack;
    private long clockStepsForward;
    private long setAside;
    private ClockStep? lastClockStep;
    private long storeErrors;
    private long dropped;
    private long lastReadingTicks;
    private long firstStoredTicks;
    private string? storeProblem;

    /// <summary>A source is considered linked while its last reading is younger than this.</summary>
    public static TimeSpan LinkTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Readings written to the store since start-up.</summary>
    public long Stored => Interlocked.Read(ref stored);

    /// <summary>Readings refused because they were stamped before 2020: the system clock was not set.</summary>
    public long RejectedClock => Interlocked.Read(ref rejectedClock);

    /// <summary>Readings refused because they were stamped more than 10 minutes in the future.</summary>
    public long RejectedFuture => Interlocked.Read(ref rejectedFuture);

    /// <summary>Readings refused because they had no series or unit, or a value that is not a number.</summary>
    public long RejectedInvalid => Interlocked.Read(ref rejectedInvalid);

    /// <summary>Readings refused because of a clock step back: stamped by the clock before it stepped back, or inside time already stored when the step was not believed.</summary>
    public long RejectedCovered => Interlocked.Read(ref rejectedCovered);

    /// <summary>Times the system clock was seen stepping back while this gateway ran (or found behind the store at start).</summary>
    public long ClockStepsBack => Interlocked.Read(ref clockStepsBack);

    /// <summary>Times the system clock was seen stepping forward while this gateway ran.</summary>
    public long ClockStepsForward => Interlocked.Read(ref clockStepsForward);

    /// <summary>Stored readings set aside because a clock that ran ahead had stamped them.</summary>
    public long SetAside => Interlocked.Read(ref setAside);

    /// <summary>The last clock step seen, or null.</summary>
    public ClockStep? LastClockStep => Volatile.Read(ref lastClockStep);

    /// <summary>Failed attempts to write a batch (each retry counts).</summary>
    public long StoreErrors => Interlocked.Read(ref storeErrors);

    /// <summary>Readings lost because the store refused their batch as a programming error (not an outage).</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Readings that live views lost because they fell behind.</summary>
    public long LiveDrops => feed.DroppedCount;

    /// <summary>Why the store is failing now, or null while it works.</summary>
    public string? StoreProblem => Volatile.Read(ref storeProblem);

    /// <summary>When (by the gateway's clock) a source last produced a reading, accepted or not.</summary>
    public DateTimeOffset? LastReadingAt
    {
        get
        {
            var ticks = Interlocked.Read(ref lastReadingTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// When (by the gateway's clock) the first batch of readings since start-up was handed to the store, or null before
    /// that: with the process's start time it gives the time from start to the first stored reading.
    /// </summary>
    public DateTimeOffset? FirstStoredAt
    {
        get
        {
            var ticks = Interlocked.Read(ref firstStoredTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Whether some source produced a reading within <see cref="LinkTimeout"/> of <paramref name="now"/>.</summary>
    public bool IsLinkUp(DateTimeOffset now) => LastReadingAt is { } at && now - at < LinkTimeout;

    internal void AddStored(int count) => Interlocked.Add(ref stored, count);

    /// <summary>Records <paramref name="at"/> as <see cref="FirstStoredAt"/> unless a batch was stored before.</summary>
    internal void FirstStored(DateTimeOffset at) => Interlocked.CompareExchange(ref firstStoredTicks, at.UtcTicks, 0);

    internal void AddRejectedClock() => Interlocked.Increment(ref rejectedClock);

    internal void AddRejectedFuture() => Interlocked.Increment(ref rejectedFuture);

    internal void AddRejectedInvalid() => Interlocked.Increment(ref rejectedInvalid);

    internal void AddRejectedCovered() => Interlocked.Increment(ref rejectedCovered);

    internal void AddSetAside(long count) => Interlocked.Add(ref setAside, count);

    /// <summary>Counts a step; after a step back the last reading's time is the corrected clock's, not the one that ran ahead.</summary>
    internal void ClockStepped(DateTimeOffset now, TimeSpan step)
    {
        Volatile.Write(ref lastClockStep, new ClockStep(now, step));
        if (step > TimeSpan.Zero)
        {
            Interlocked.Increment(ref clockStepsForward);
            return;
        }

        Interlocked.Increment(ref clockStepsBack);
        if (Interlocked.Read(ref lastReadingTicks) > now.UtcTicks)
        {
            Interlocked.Exchange(ref lastReadingTicks, now.UtcTicks);
        }
    }

    internal void AddDropped(int count) => Interlocked.Add(ref dropped, count);

    internal void StoreFailed(string problem)
    {
        Interlocked.Increment(ref storeErrors);
        Volatile.Write(ref storeProblem, problem);
    }

    internal void StoreRecovered() => Volatile.Write(ref storeProblem, null);

    /// <summary>Moves <see cref="LastReadingAt"/> forward to <paramref name="at"/>; never back.</summary>
    internal void ReadingSeen(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var current = Interlocked.Read(ref lastReadingTicks);
        while (ticks > current)
        {
            var found = Interlocked.CompareExchange(ref lastReadingTicks, ticks, current);
            if (found == current)
            {
                return;
            }

            current = found;
        }
    }
}
