namespace Aizu.Uplink;

/// <summary>
/// Hands downlink messages to the registered <see cref="IDownlinkHandler"/>s (by exact topic) and
/// <see cref="IDownlinkSubscription"/>s (by topic filter) through a bounded channel,
/// so MQTTnet's receive callback only queues and its acknowledgement is never held up by a handler.
/// </summary>
public sealed class DownlinkDispatcher
{
    // Alerts and catalogue updates are rare; a full queue makes the receive callback wait (and so the
    // broker's flow control) rather than drop an alert.
    private readonly Channel<DownlinkMessage> queue = Channel.CreateBounded<DownlinkMessage>(
        new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly IReadOnlyList<IDownlinkHandler> handlers;
    private readonly IReadOnlyList<IDownlinkSubscription> subscriptions;
    private readonly ILogger<DownlinkDispatcher> logger;

    /// <summary>Creates the dispatcher for <paramref name="handlers"/> and <paramref name="subscriptions"/>.</summary>
    public DownlinkDispatcher(IEnumerable<IDownlinkHandler> handlers, IEnumerable<IDownlinkSubscription> subscriptions, ILogger<DownlinkDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(subscriptions);
        this.handlers = handlers.ToArray();
        this.subscriptions = subscriptions.ToArray();
        this.logger = logger;
    }

    /// <summary>The subscriptions whose topics depend on what the gateway sent.</summary>
    public IReadOnlyList<IDownlinkSubscription> Subscriptions => subscriptions;

    /// <summary>Queues <paramref name="message"/>; waits while the queue is full.</summary>
    public ValueTask EnqueueAsync(DownlinkMessage message, CancellationToken cancellationToken) =>
        queue.Writer.WriteAsync(message, cancellationToken);

    /// <summary>Delivers queued messages until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(cancellationToken))
            {
                var taken = false;
                foreach (var handler in handlers.Where(h => h.Topics.Contains(message.Topic, StringComparer.Ordinal)))
                {
                    taken = true;
                    try
                    {
                        await handler.HandleAsync(message, cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        logger.DownlinkHandlerFailed(exception, handler.GetType().Name, message.Topic);
                    }
                }

                foreach (var subscription in subscriptions.Where(s => MqttTopicFilterComparer.Compare(message.Topic, s.TopicFilter) == MqttTopicFilterCompareResult.IsMatch))
                {
                    taken = true;
                    try
                    {
                        await subscription.ReceiveAsync(message.Topic, message.Payload, cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        logger.DownlinkHandlerFailed(exception, subscription.GetType().Name, message.Topic);
                    }
                }

                if (!taken)
                {
                    logger.DownlinkUnhandled(message.Topic);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
