namespace Aizu.Hardware.Serial.Meters;

/// <summary>Counts of what a serial meter driver received, for the panel, logs and tests. Safe to read from any thread.</summary>
/// <typeparam name="TErrorKind">The meter parser's reasons for refusing a frame.</typeparam>
public sealed class SerialMeterStatistics<TErrorKind>
    where TErrorKind : struct, Enum
{
    private readonly ConcurrentDictionary<TErrorKind, long> _rejectedByKind = new();
    private long _accepted;
    private long _rejected;
    private long _discarded;
    private long _silences;
    private long _skipped;
    private string? _lastSkipped;
    private string? _lastRejection;

    /// <summary>Frames that passed every check and were used.</summary>
    public long FramesAccepted => Interlocked.Read(ref _accepted);

    /// <summary>Frames refused by the parser (wrong CRC, garbled, cut off); none of their values was used.</summary>
    public long FramesRejected => Interlocked.Read(ref _rejected);

    /// <summary>Stretches of bytes the framer skipped: noise between frames, frames cut off by a new start.</summary>
    public long FramesDiscarded => Interlocked.Read(ref _discarded);

    /// <summary>Times the meter was silent for longer than <see cref="SerialMeterOptions.SilenceTimeout"/>.</summary>
    public long SilentPeriods => Interlocked.Read(ref _silences);

    /// <summary>Values of valid frames that the mapper left out (an object it does not understand, an unexpected unit, a
    /// value too large for a number); the other values of those frames were stored.</summary>
    public long ValuesSkipped => Interlocked.Read(ref _skipped);

    /// <summary>What was skipped last and why.</summary>
    public string? LastSkipped => Volatile.Read(ref _lastSkipped);

    /// <summary>Why the last frame was refused, or the last bytes discarded.</summary>
    public string? LastRejection => Volatile.Read(ref _lastRejection);

    /// <summary>Frames refused for <paramref name="kind"/>.</summary>
    public long Rejected(TErrorKind kind) => _rejectedByKind.TryGetValue(kind, out long count) ? count : 0;

    internal void CountAccepted() => Interlocked.Increment(ref _accepted);

    internal void CountRejected(FrameRejection<TErrorKind> rejection)
    {
        _rejectedByKind.AddOrUpdate(rejection.Kind, 1, static (_, count) => count + 1);
        CountRejected(rejection.Message);
    }

    /// <summary>A frame that could not be judged (the parser or mapper failed on it): refused, of no known kind.</summary>
    internal void CountRejected(string reason)
    {
        Interlocked.Increment(ref _rejected);
        Volatile.Write(ref _lastRejection, reason);
    }

    internal void CountDiscarded(string reason)
    {
        Interlocked.Increment(ref _discarded);
        Volatile.Write(ref _lastRejection, reason);
    }

    internal void CountSkipped(SkippedValue skipped)
    {
        Interlocked.Increment(ref _skipped);
        Volatile.Write(ref _lastSkipped, $"{skipped.Kind}: {skipped.Reason}");
    }

    internal void CountSilence() => Interlocked.Increment(ref _silences);
}
