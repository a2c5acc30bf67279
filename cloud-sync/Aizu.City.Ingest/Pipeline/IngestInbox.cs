namespace Aizu.City.Ingest;

/// <summary>
/// The bounded hand-over from the MQTT receive callback to the processor. When full the callback waits,
/// so the broker (which keeps unacknowledged messages) holds the excess, not this process's memory.
/// </summary>
public sealed class IngestInbox(IOptions<IngestOptions> options)
{
    private readonly Channel<IncomingMessage> channel = Channel.CreateBounded<IncomingMessage>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    /// <summary>Messages waiting for the processor.</summary>
    public int Count => channel.Reader.Count;

    /// <summary>Hands a message over; waits while the queue is full.</summary>
    public ValueTask WriteAsync(IncomingMessage message, CancellationToken cancellationToken) => channel.Writer.WriteAsync(message, cancellationToken);

    /// <summary>The processor's end.</summary>
    internal ChannelReader<IncomingMessage> Reader => channel.Reader;
}
