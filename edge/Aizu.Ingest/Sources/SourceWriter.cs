namespace Aizu.Ingest;

/// <summary>
/// A driver's view of the shared <see cref="ReadingChannel"/>: notes when the driver produced a
/// reading (the "link up" signal, even while the channel is full) and refuses to complete the
/// channel, which belongs to every driver and the ingest service.
/// </summary>
internal sealed class SourceWriter(
    ChannelWriter<Reading> channel,
    SourceTracker tracker,
    IngestStatistics statistics,
    TimeProvider timeProvider) : ChannelWriter<Reading>
{
    public override bool TryWrite(Reading item)
    {
        Seen();
        return channel.TryWrite(item);
    }

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) =>
        channel.WaitToWriteAsync(cancellationToken);

    public override ValueTask WriteAsync(Reading item, CancellationToken cancellationToken = default)
    {
        Seen();
        return channel.WriteAsync(item, cancellationToken);
    }

    // One driver finishing must not close the channel for the others; Complete() then throws
    // ChannelClosedException in the driver, which the supervisor treats as a failure and restarts it.
    public override bool TryComplete(Exception? error = null) => false;

    private void Seen()
    {
        var now = timeProvider.GetUtcNow();
        tracker.ReadingSeen(now);
        statistics.ReadingSeen(now);
    }
}
