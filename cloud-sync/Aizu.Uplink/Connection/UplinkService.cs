namespace Aizu.Uplink;

/// <summary>
/// The MQTT 5 connection to the city broker. A supervised loop connects (Clean Start = false, session
/// expiry, TLS), announces the gateway online (retained, with an offline will), subscribes to the
/// downlink topics and drains the <see cref="IOutbox"/> in order at QoS 1. A message is delivered only
/// when the PUBACK's reason code is below 0x80; otherwise it stays in the outbox with the reason
/// recorded. After a disconnect the loop waits with back-off (on the <see cref="TimeProvider"/>) and
/// reconnects; the disconnect callback only signals, it never reconnects itself.
/// </summary>
public sealed class UplinkService : BackgroundService
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly IOutbox outbox;
    private readonly DownlinkDispatcher dispatcher;
    private readonly UplinkState state;
    private readonly TimeProvider time;
    private readonly Random random;
    private readonly UplinkOptions options;
    private readonly ILogger<UplinkService> logger;
    private readonly ILoggerFactory loggerFactory;
    private readonly Channel<string> disconnected = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });

    // The per-data-set topics subscribed on the current connection (the session may keep them, but a
    // clean session or a new broker would not, so every connection starts empty and subscribes again).
    private readonly HashSet<string> subscribed = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public UplinkService(
        IOutbox outbox,
        DownlinkDispatcher dispatcher,
        UplinkState state,
        TimeProvider time,
        Random random,
        IOptions<UplinkOptions> options,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.state = state;
        this.time = time;
        this.random = random;
        this.options = options.Value;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<UplinkService>();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient(new MqttNetLoggerAdapter(loggerFactory.CreateLogger("MQTTnet")));
        client.DisconnectedAsync += args =>
        {
            // Only a signal: reconnecting from inside this callback can deadlock the client.
            disconnected.Writer.TryWrite(args.Reason.ToString());
            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += args => OnReceivedAsync(args, stoppingToken);

        var downlink = dispatcher.RunAsync(stoppingToken);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                await ConnectAsync(client, stoppingToken);
                failures = 0;
                reason = await PumpAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Broker, network, TLS or outbox trouble: whatever it was, the loop outlives it and
                // tries again after the back-off; nothing was marked delivered.
                reason = exception.Message;
            }

            state.Disconnected(time.GetUtcNow(), reason);
            var delay = NextDelay(failures++);
            logger.ConnectionFailed(options.Host, options.Port, reason, delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await GoOfflineAsync(client);
        await downlink;
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        }

        while (disconnected.Reader.TryRead(out _))
        {
        }

        var result = await ConnectWithinTimeoutAsync(client, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        logger.Connected(options.Host, options.Port, options.GatewayId, result.IsSessionPresent);
        await PublishStatusAsync(client, MqttConnectionOptions.OnlinePayload, cancellationToken);

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in WireTopics.Downlink)
        {
            subscribe.WithTopicFilter(filter => filter
                .WithTopic(topic)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainHandling(MqttRetainHandling.SendAtSubscribe));
        }

        await SubscribeAsync(client, subscribe, cancellationToken);
        subscribed.Clear();
        await SubscribeDataSetTopicsAsync(client, cancellationToken);
        state.Connected(time.GetUtcNow());
    }

    /// <summary>
    /// One connect (TCP, TLS, CONNECT and CONNACK) that gives up after <see cref="UplinkOptions.Timeout"/>. MQTTnet applies
    /// its own time-out to a connect only when it is given no cancellation token; with the host's token a connect into a
    /// link that drops everything would wait as long as the kernel re-sends the SYN (about two minutes here), and one
    /// whose CONNACK never comes would wait for good, with the panel showing one failed attempt meanwhile. Once
    /// connected, MQTTnet's keep-alive ping (bounded by the same time-out) finds a stalled link. Wall-clock time, as
    /// MQTTnet's: it measures the network, not the household's clock.
    /// </summary>
    private async Task<MqttClientConnectResult> ConnectWithinTimeoutAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            return await client.ConnectAsync(MqttConnectionOptions.Build(options), timeout.Token);
        }
        catch (Exception exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer from the broker within {options.Timeout}", exception);
        }
    }

    private async Task SubscribeAsync(IMqttClient client, MqttClientSubscribeOptionsBuilder subscribe, CancellationToken cancellationToken)
    {
        var result = await client.SubscribeAsync(subscribe.Build(), cancellationToken);
        foreach (var item in result.Items.Where(i => (int)i.ResultCode >= 0x80))
        {
            logger.SubscribeRefused(item.TopicFilter.Topic, item.ResultCode.ToString());
        }
    }

    /// <summary>Subscribes to the topics the <see cref="IDownlinkSubscription"/>s name that this connection has not subscribed yet.</summary>
    private async Task SubscribeDataSetTopicsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var fresh = new List<string>();
        foreach (var subscription in dispatcher.Subscriptions)
        {
            fresh.AddRange((await subscription.GetTopicsAsync(cancellationToken)).Where(t => !subscribed.Contains(t)));
        }

        if (fresh.Count == 0)
        {
            return;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in fresh.Distinct(StringComparer.Ordinal))
        {
            // Retained: a confirmation published while the gateway was away arrives at subscribe.
            subscribe.WithTopicFilter(filter => filter
                .WithTopic(topic)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainHandling(MqttRetainHandling.SendAtSubscribe));
        }

        await SubscribeAsync(client, subscribe, cancellationToken);
        subscribed.UnionWith(fresh);
    }

    /// <summary>Sends due messages while connected; returns why the connection ended.</summary>
    private async Task<string> PumpAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!client.IsConnected)
            {
                return disconnected.Reader.TryRead(out var reason) ? reason : "disconnected";
            }

            DropStaleDisconnect();

            var message = await outbox.GetNextDueAsync(cancellationToken);
            if (message is null)
            {
                // Drained: a deletion request just sent makes its data set's confirmation topic worth hearing.
                await SubscribeDataSetTopicsAsync(client, cancellationToken);
                if (await WaitAsync(client, cancellationToken) is { } ended)
                {
                    return ended;
                }

                continue;
            }

            MqttClientPublishResult result;
            try
            {
                result = await client.PublishAsync(ToMqtt(message), cancellationToken);
            }
            catch (MqttClientNotConnectedException)
            {
                return "disconnected before the publish";
            }
            catch (Exception exception) when (exception is MqttCommunicationException
                or (OperationCanceledException and not TaskCanceledException { CancellationToken.IsCancellationRequested: true }))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                // The PUBLISH may have reached the broker: recorded, and re-sent with the same id.
                await outbox.MarkFailedAsync(message.MessageId, null, "connection ended before the PUBACK: " + exception.Message, cancellationToken);
                return exception.Message;
            }

            var code = (int)result.ReasonCode;
            if (code < 0x80)
            {
                await outbox.MarkDeliveredAsync(message.MessageId, code, cancellationToken);
                state.Published(delivered: true);
            }
            else
            {
                var why = string.IsNullOrEmpty(result.ReasonString) ? result.ReasonCode.ToString() : $"{result.ReasonCode}: {result.ReasonString}";
                await outbox.MarkFailedAsync(message.MessageId, code, why, cancellationToken);
                state.Published(delivered: false);
                logger.PublishRefused(message.MessageId, message.Topic, code, why);
            }
        }
    }

    /// <summary>Waits for a due message, a disconnect, or the health ping; returns a reason when the connection is gone.</summary>
    private async Task<string?> WaitAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var due = outbox.WaitForDueAsync(stop.Token);
        var lost = disconnected.Reader.WaitToReadAsync(stop.Token).AsTask();
        var ping = Task.Delay(options.KeepAlive, time, stop.Token);
        var first = await Task.WhenAny(due, lost, ping);
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(due, lost, ping);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        if (first == lost)
        {
            if (client.IsConnected)
            {
                DropStaleDisconnect();
                return null;
            }

            return disconnected.Reader.TryRead(out var reason) ? reason : "disconnected";
        }

        if (first == ping && !await client.TryPingAsync(cancellationToken))
        {
            logger.PingFailed();
            return "health ping failed";
        }

        return null;
    }

    /// <summary>
    /// Drops a disconnect signal that came while the client is connected: it is the previous connection's, whose
    /// <c>DisconnectedAsync</c> can run after the next connect is made (after a failure the loop disconnects a client
    /// that is still connected before it connects again). Acting on it dropped the good connection, which left the
    /// next such signal behind: reconnecting every few hundred milliseconds and sending nothing for good, seen after
    /// a full disk kept a delivery from being recorded. A real loss of this connection is seen by
    /// <see cref="IMqttClient.IsConnected"/>, a failed publish or the health ping.
    /// </summary>
    private void DropStaleDisconnect() => disconnected.Reader.TryRead(out _);

    private async Task OnReceivedAsync(MqttApplicationMessageReceivedEventArgs args, CancellationToken cancellationToken)
    {
        var message = args.ApplicationMessage;
        await dispatcher.EnqueueAsync(new DownlinkMessage(
            message.Topic,
            System.Buffers.BuffersExtensions.ToArray(message.Payload),
            message.ContentType,
            message.UserProperties?.Select(p => new KeyValuePair<string, string>(p.Name, System.Text.Encoding.UTF8.GetString(p.ValueBuffer.Span))).ToArray() ?? [],
            message.Retain,
            message.MessageExpiryInterval > 0 ? TimeSpan.FromSeconds(message.MessageExpiryInterval) : null,
            time.GetUtcNow()), cancellationToken);
    }

    private static MqttApplicationMessage ToMqtt(UplinkMessage message)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .WithContentType(message.ContentType)
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            // The id also as correlation data: receivers de-duplicate re-sends on either.
            .WithCorrelationData(System.Text.Encoding.UTF8.GetBytes(message.MessageId));
        var hasId = false;
        foreach (var (name, value) in message.UserProperties)
        {
            hasId |= string.Equals(name, UserProperties.MessageId, StringComparison.Ordinal);
            builder.WithUserProperty(name, System.Text.Encoding.UTF8.GetBytes(value).AsMemory());
        }

        if (!hasId)
        {
            builder.WithUserProperty(UserProperties.MessageId, System.Text.Encoding.UTF8.GetBytes(message.MessageId).AsMemory());
        }

        return builder.Build();
    }

    private Task<MqttClientPublishResult> PublishStatusAsync(IMqttClient client, byte[] payload, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(WireTopics.Status(options.GatewayId))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .WithContentType(ContentTypes.Json)
            .Build(), cancellationToken);

    private async Task GoOfflineAsync(IMqttClient client)
    {
        if (!client.IsConnected)
        {
            return;
        }

        // A graceful disconnect suppresses the will, so say "offline" first.
        using var grace = new CancellationTokenSource(ShutdownGrace);
        try
        {
            await PublishStatusAsync(client, MqttConnectionOptions.OfflinePayload, grace.Token);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), grace.Token);
        }
        catch (Exception exception) when (exception is MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            // The broker publishes the will instead.
        }
    }

    private TimeSpan NextDelay(int failures)
    {
        // Exponential back-off with jitter: a city's gateways must not all return at the same instant
        // after a broker restart.
        var ceiling = options.ReconnectMinDelay * Math.Pow(2, Math.Min(failures, 20));
        var capped = ceiling > options.ReconnectMaxDelay ? options.ReconnectMaxDelay : ceiling;
        return capped * (0.5 + (random.NextDouble() / 2));
    }
}
