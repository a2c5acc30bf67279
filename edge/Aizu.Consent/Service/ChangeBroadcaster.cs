namespace Aizu.Consent;

/// <summary>
/// Hands every consent change to every watcher. Each watcher has its own unbounded queue: changes are
/// rare and none may be dropped (a lost "withdrawn" would let data leave), so a slow watcher costs
/// memory, not correctness.
/// </summary>
internal sealed class ChangeBroadcaster
{
    private readonly Lock gate = new();
    private readonly List<Channel<ConsentChange>> watchers = [];

    /// <summary>Registers a watcher; call <see cref="Unsubscribe"/> when done.</summary>
    public ChannelReader<ConsentChange> Subscribe()
    {
        var channel = Channel.CreateUnbounded<ConsentChange>(new UnboundedChannelOptions { SingleReader = true });
        lock (gate)
        {
            watchers.Add(channel);
        }

        return channel.Reader;
    }

    public void Unsubscribe(ChannelReader<ConsentChange> reader)
    {
        lock (gate)
        {
            watchers.RemoveAll(w => ReferenceEquals(w.Reader, reader));
        }
    }

    /// <summary>Queues <paramref name="change"/> for every watcher; it is readable when this returns.</summary>
    public void Publish(ConsentChange change)
    {
        lock (gate)
        {
            foreach (var watcher in watchers)
            {
                watcher.Writer.TryWrite(change);
            }
        }
    }
}
