namespace Aizu.Ingest;

/// <summary>What the panel shows about one driver.</summary>
/// <param name="Name">The driver's <c>IReadingSource.Name</c>.</param>
/// <param name="LastReadingAt">When (by the gateway's clock) it last produced a reading.</param>
/// <param name="Running">Whether it is running now, as opposed to waiting to be restarted.</param>
/// <param name="LastError">The message of its last failure, if it ever failed.</param>
public sealed record SourceStatus(string Name, DateTimeOffset? LastReadingAt, bool Running, string? LastError)
{
    /// <summary>"Link up": running and produced a reading within <see cref="IngestStatistics.LinkTimeout"/>.</summary>
    public bool IsLinkUp(DateTimeOffset now) =>
        Running && LastReadingAt is { } at && now - at < IngestStatistics.LinkTimeout;
}
