namespace Aizu.Hardware.Dsmr;

/// <summary>Counts of what the driver received, for the panel, logs and tests. Safe to read from any thread.</summary>
public sealed class DsmrStatistics
{
    private readonly long[] _rejectedByKind = new long[Enum.GetValues<DsmrErrorKind>().Length];
    private long _accepted;
    private long _rejected;
    private long _discarded;
    private long _silences;
    private long _skipped;
    private string? _lastRejection;

    /// <summary>Telegrams that passed every check and were used.</summary>
    public long TelegramsAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Telegrams rejected by the parser (wrong CRC, garbled line, …); none of their values was used.</summary>
    public long TelegramsRejected => Interlocked.Read(ref _rejected);

    /// <summary>Stretches of bytes the framer skipped: noise between telegrams, cut-off telegrams.</summary>
    public long FramesDiscarded => Interlocked.Read(ref _discarded);

    /// <summary>Times the meter was silent for longer than <see cref="DsmrOptions.SilenceTimeout"/>.</summary>
    public long SilentPeriods => Interlocked.Read(ref _silences);

    /// <summary>Objects or lines of accepted telegrams that were skipped because the parser did not understand them;
    /// the rest of each such telegram was used.</summary>
    public long ObjectsSkipped => Interlocked.Read(ref _skipped);

    /// <summary>Why the last telegram was rejected, or the last bytes discarded.</summary>
    public string? LastRejection => Volatile.Read(ref _lastRejection);

    /// <summary>Telegrams rejected for <paramref name="kind"/>.</summary>
    public long Rejected(DsmrErrorKind kind) => Interlocked.Read(ref _rejectedByKind[(int)kind]);

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountRejected(DsmrError error)
    {
        Interlocked.Increment(ref _rejected);
        Interlocked.Increment(ref _rejectedByKind[(int)error.Kind]);
        Volatile.Write(ref _lastRejection, error.Message);
    }

    internal void CountDiscarded(string reason)
    {
        Interlocked.Increment(ref _discarded);
        Volatile.Write(ref _lastRejection, reason);
    }

    internal void CountSkipped(int objects) => Interlocked.Add(ref _skipped, objects);

    internal void CountSilence() => Interlocked.Increment(ref _silences);
}
