namespace Aizu.Ingest;

/// <summary>One live view's copy of the <see cref="LiveFeed"/>; bounded, dropping the oldest when full.</summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly LiveFeed feed;
    private readonly Channel<Reading> channel;
    private long dropped;

    internal LiveSubscription(LiveFeed feed, int capacity)
    {
        this.feed = feed;
        channel = Channel.CreateBounded<Reading>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            _ =>
            {
                Interlocked.Increment(ref dropped);
                feed.CountDrop();
            });
    }

    /// <summary>Readings published since the subscription started; completes when it is disposed.</summary>
    public ChannelReader<Reading> Reader => channel.Reader;

    /// <summary>Readings this subscriber lost because it fell behind.</summary>
    public long DroppedCount => Interlocked.Read(ref dropped);

    /// <inheritdoc />
    public void Dispose()
    {
        feed.Remove(this);
        channel.Writer.TryComplete();
    }

    internal void Offer(Reading reading) => channel.Writer.TryWrite(reading);
}
