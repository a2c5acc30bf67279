namespace Aizu.Ingest;

/// <summary>The supervisor's record of one driver, updated from the driver's and the supervisor's threads.</summary>
internal sealed class SourceTracker
{
    private readonly Lock gate = new();
    private DateTimeOffset? lastReadingAt;
    private bool running;
    private string? lastError;

    public SourceTracker(IReadingSource source, ChannelWriter<Reading> channel, IngestStatistics statistics, TimeProvider timeProvider)
    {
        Source = source;
        Name = source.Name ?? source.GetType().Name;
        Writer = new SourceWriter(channel, this, statistics, timeProvider);
    }

    public IReadingSource Source { get; }

    public string Name { get; }

    /// <summary>The writer handed to the driver: it records activity and cannot close the shared channel.</summary>
    public ChannelWriter<Reading> Writer { get; }

    public void ReadingSeen(DateTimeOffset at)
    {
        lock (gate)
        {
            if (lastReadingAt is null || at > lastReadingAt)
            {
                lastReadingAt = at;
            }
        }
    }

    public void Started()
    {
        lock (gate)
        {
            running = true;
        }
    }

    public void Stopped(string? error)
    {
        lock (gate)
        {
            running = false;
            lastError = error ?? lastError;
        }
    }

    public SourceStatus Snapshot()
    {
        lock (gate)
        {
            return new SourceStatus(Name, lastReadingAt, running, lastError);
        }
    }
}
