namespace Aizu.Hardware.Sml;

/// <summary>Counts of what the driver received, for the panel, logs and tests. Safe to read from any thread.</summary>
public sealed class SmlStatistics
{
    private readonly long[] _rejectedByKind = new long[Enum.GetValues<SmlErrorKind>().Length];
    private long _accepted;
    private long _rejected;
    private long _discarded;
    private long _silences;
    private long _skippedValues;
    private string? _lastRejection;

    /// <summary>Frames that passed every check and were used.</summary>
    public long FramesAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Frames rejected (wrong CRC, cut off, malformed); none of their values was used.</summary>
    public long FramesRejected => Interlocked.Read(ref _rejected);

    /// <summary>Stretches of bytes the framer skipped: noise, frames cut off by a new start.</summary>
    public long FramesDiscarded => Interlocked.Read(ref _discarded);

    /// <summary>Times the meter was silent for longer than <see cref="SmlOptions.SilenceTimeout"/>.</summary>
    public long SilentPeriods => Interlocked.Read(ref _silences);

    /// <summary>Values of accepted frames that could not be used (a scaler that overflows, an unreadable type) and were
    /// skipped; the rest of each such frame was stored.</summary>
    public long ValuesSkipped => Interlocked.Read(ref _skippedValues);

    /// <summary>Why the last frame was rejected, or the last bytes discarded.</summary>
    public string? LastRejection => Volatile.Read(ref _lastRejection);

    /// <summary>Frames rejected for <paramref name="kind"/>.</summary>
    public long Rejected(SmlErrorKind kind) => Interlocked.Read(ref _rejectedByKind[(int)kind]);

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountRejected(SmlError error)
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

    internal void CountSkippedValue() => Interlocked.Increment(ref _skippedValues);

    internal void CountSilence() => Interlocked.Increment(ref _silences);
}
