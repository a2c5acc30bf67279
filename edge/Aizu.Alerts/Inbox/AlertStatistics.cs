namespace Aizu.Alerts;

/// <summary>Counts of every <see cref="AlertOutcome"/> since start-up, for the status page and health telemetry.</summary>
public sealed class AlertStatistics
{
    private readonly long[] counts = new long[Enum.GetValues<AlertOutcome>().Length];

    /// <summary>Messages received, whatever became of them.</summary>
    public long Received => Enum.GetValues<AlertOutcome>().Sum(Count);

    /// <summary>Messages rejected for any reason.</summary>
    public long Rejected => Enum.GetValues<AlertOutcome>().Where(o => o >= AlertOutcome.RejectedTooLarge).Sum(Count);

    /// <summary>How often <paramref name="outcome"/> happened.</summary>
    public long Count(AlertOutcome outcome) => Interlocked.Read(ref counts[(int)outcome]);

    /// <summary>A copy of all counts.</summary>
    public IReadOnlyDictionary<AlertOutcome, long> Snapshot() => Enum.GetValues<AlertOutcome>().ToDictionary(o => o, Count);

    internal void Record(AlertOutcome outcome) => Interlocked.Increment(ref counts[(int)outcome]);
}
