namespace Aizu.Egress;

/// <summary>How the egress side is doing, for the panel (and for tests that wait for a pass).</summary>
public sealed class EgressStatus
{
    private long passes;
    private long lastPassTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>Completed passes since start.</summary>
    public long Passes => Interlocked.Read(ref passes);

    /// <summary>The clock time at the start of the last completed pass, or null before the first.</summary>
    public DateTimeOffset? LastPassAt
    {
        get
        {
            var ticks = Interlocked.Read(ref lastPassTicks);
            return ticks == DateTimeOffset.MinValue.UtcTicks ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>The message of the last failed pass, or null after a good one.</summary>
    public string? LastError { get; private set; }

    internal void PassCompleted(DateTimeOffset startedAt, string? error)
    {
        LastError = error;
        Interlocked.Exchange(ref lastPassTicks, startedAt.UtcTicks);
        Interlocked.Increment(ref passes);
    }
}
