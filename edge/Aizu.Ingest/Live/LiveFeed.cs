namespace Aizu.Ingest;

/// <summary>
/// The latest value of every series, and a broadcast of stored readings to live views (the panel's
/// event stream). A slow subscriber loses its oldest readings, never slows the pipeline down.
/// </summary>
public sealed class LiveFeed
{
    /// <summary>How many readings a subscriber may fall behind before the oldest are dropped.</summary>
    public const int DefaultSubscriberCapacity = 256;

    private readonly ConcurrentDictionary<string, Reading> latest = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private LiveSubscription[] subscribers = []; // copy-on-write: Publish iterates without locking
    private long dropped;

    /// <summary>Readings dropped across all subscribers because they did not keep up.</summary>
    public long DroppedCount => Interlocked.Read(ref dropped);

    /// <summary>How many subscriptions are open.</summary>
    public int SubscriberCount => Volatile.Read(ref subscribers).Length;

    /// <summary>
    /// Starts receiving every reading published from now on. Dispose the subscription to stop;
    /// it then completes its reader.
    /// </summary>
    public LiveSubscription Subscribe(int capacity = DefaultSubscriberCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new LiveSubscription(this, capacity);
        lock (gate)
        {
            subscribers = [.. subscribers, subscription];
        }

        return subscription;
    }

    /// <summary>The reading of <paramref name="series"/> with the latest timestamp published so far.</summary>
    public bool TryGetLatest(string series, out Reading reading)
    {
        ArgumentNullException.ThrowIfNull(series);
        return latest.TryGetValue(series, out reading);
    }

    /// <summary>Records <paramref name="reading"/> as the series' latest (unless an older backfill) and sends it to every subscriber.</summary>
    public void Publish(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading.Series);
        latest.AddOrUpdate(
            reading.Series,
            static (_, added) => added,
            static (_, current, added) => added.Timestamp >= current.Timestamp ? added : current,
            reading);

        foreach (var subscriber in Volatile.Read(ref subscribers))
        {
            subscriber.Offer(reading);
        }
    }

    internal void Remove(LiveSubscription subscription)
    {
        lock (gate)
        {
            subscribers = [.. subscribers.Where(s => s != subscription)];
        }
    }

    internal void CountDrop() => Interlocked.Increment(ref dropped);
}
