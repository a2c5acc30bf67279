namespace Aizu.City.Ingest;

/// <summary>
/// The instance's MQTT 5 session: Clean Start = false with a session expiry, so what it had not
/// acknowledged when it died is sent again when it returns; data on the shared subscription
/// <c>$share/{ShareName}/aizu/v1/dt/#</c> (each message to one instance), consent states and deletion
/// requests on a plain subscription (every instance keeps its registry mirror, and retained states
/// arrive at subscribe). Messages are acknowledged by hand, by the processor, after commit. Signed
/// deletion confirmations are published from here (retained, QoS 1). A supervised loop reconnects with
/// back-off; the disconnect callback only signals.
/// </summary>
public sealed class IngestSubscriber(
    IngestInbox queue,
    DeletionService deletions,
    ConfirmationSignal confirmations,
    IngestMetrics metrics,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);
    private readonly IngestOptions settings = options.Value;
    private readonly Channel<string> disconnected = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
    private long generation;
    private Task<string>? lost;
    private Task? signalled;

    /// <summary>The data subscription (shared).</summary>
    public string DataSubscription => $"$share/{settings.ShareName}/{WireTopics.DataFilter}";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        client.DisconnectedAsync += args =>
        {
            // Only a signal: reconnecting from inside this callback can deadlock the client.
            disconnected.Writer.TryWrite(args.Reason.ToString());
            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += args => OnReceivedAsync(client, args, stoppingToken);

        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                await ConnectAsync(client, stoppingToken);
                delay = TimeSpan.FromMilliseconds(500);
                reason = await ServeAsync(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // Broker, network or TLS trouble: the loop outlives it; nothing unacknowledged is lost.
                reason = exception.Message;
            }

            metrics.OnConnection(false);
            logger.BrokerLost(settings.BrokerHost, settings.BrokerPort, reason, delay);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }

        if (client.IsConnected)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), grace.Token);
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);
        }

        // A disconnect seen before this connection is not this connection's.
        if (lost is { IsCompleted: true })
        {
            lost = null;
        }

        while (lost is null && disconnected.Reader.TryRead(out _))
        {
        }

        // Acknowledgements of a previous connection's messages must not reach this one (packet ids are reused).
        Interlocked.Increment(ref generation);
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTcpServer(settings.BrokerHost, settings.BrokerPort)
            .WithClientId(settings.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)settings.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(15))
            // Many messages in flight at once: acknowledgements come per committed batch.
            .WithReceiveMaximum(ushort.MaxValue);
        if (settings.UseTls)
        {
            builder.WithTlsOptions(ConfigureTls);
        }

        var result = await client.ConnectAsync(builder.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(DataSubscription).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(WireTopics.ConsentFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainHandling(MqttRetainHandling.SendAtSubscribe))
            .Build();
        var subscribed = await client.SubscribeAsync(subscribe, cancellationToken);
        foreach (var item in subscribed.Items.Where(i => (int)i.ResultCode >= 0x80))
        {
            throw new InvalidOperationException($"the broker refused the subscription {item.TopicFilter.Topic}: {item.ResultCode}");
        }

        metrics.OnConnection(true);
        logger.BrokerConnected(settings.BrokerHost, settings.BrokerPort, settings.ClientId, result.IsSessionPresent);
    }

    private async Task<string> ServeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        // Both waits outlive one pass of the loop (and one connection): a second read would swallow a signal.
        lost ??= disconnected.Reader.ReadAsync(cancellationToken).AsTask();
        signalled ??= confirmations.WaitAsync(cancellationToken);
        while (true)
        {
            await PublishConfirmationsAsync(client, cancellationToken);
            var done = await Task.WhenAny(lost, signalled, Task.Delay(KeepAlive, time, cancellationToken));
            if (done == lost)
            {
                var reason = await lost;
                lost = null;
                return reason;
            }

            if (done == signalled)
            {
                await signalled;
                signalled = confirmations.WaitAsync(cancellationToken);
                continue;
            }

            if (!client.IsConnected || !await client.TryPingAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                return "the broker stopped answering";
            }
        }
    }

    private async Task PublishConfirmationsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        foreach (var pending in await deletions.PendingConfirmationsAsync(cancellationToken))
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(pending.Topic)
                .WithPayload(pending.Payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(true)
                .WithContentType(ContentTypes.Jose)
                .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
                .WithUserProperty(UserProperties.Schema, System.Text.Encoding.UTF8.GetBytes(SchemaIds.DeletionConfirmation).AsMemory())
                .Build();
            var result = await client.PublishAsync(message, cancellationToken);
            if (!result.IsSuccess)
            {
                logger.ConfirmationRefused(pending.Topic, result.ReasonCode.ToString());
                continue;
            }

            await deletions.MarkPublishedAsync(pending.RequestId, pending.Pseudonym, pending.Category, cancellationToken);
        }
    }

    private async Task OnReceivedAsync(IMqttClient client, MqttApplicationMessageReceivedEventArgs args, CancellationToken stoppingToken)
    {
        // Set before returning: MQTTnet acknowledges on return unless told otherwise.
        args.AutoAcknowledge = false;
        var message = args.ApplicationMessage;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in message.UserProperties ?? [])
        {
            properties.TryAdd(property.Name, Encoding.UTF8.GetString(property.ValueBuffer.Span));
        }

        var connection = Interlocked.Read(ref generation);
        var incoming = new IncomingMessage(message.Topic, message.Payload.ToArray(), properties, async cancellationToken =>
        {
            if (Interlocked.Read(ref generation) != connection || !client.IsConnected)
            {
                // The broker sends it again on the next connection; the store counts it once.
                return;
            }

            try
            {
                await args.AcknowledgeAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                logger.AcknowledgeFailed(exception.Message);
            }
        });
        await queue.WriteAsync(incoming, stoppingToken);
    }

    private void ConfigureTls(MqttClientTlsOptionsBuilder tls)
    {
        tls.UseTls().WithTargetHost(settings.BrokerHost).WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
        if (settings.ClientCertificateFile.Length > 0)
        {
            using var pem = X509Certificate2.CreateFromPemFile(settings.ClientCertificateFile, settings.ClientKeyFile);
            tls.WithClientCertificates([X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null)]);
        }

        if (settings.CaFile.Length > 0)
        {
            var authority = X509CertificateLoader.LoadCertificateFromFile(settings.CaFile);
            tls.WithCertificateValidationHandler(args =>
            {
                if (args.Certificate is null || (args.SslPolicyErrors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
                {
                    return false;
                }

                using var certificate = X509CertificateLoader.LoadCertificate(args.Certificate.GetRawCertData());
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            });
        }
    }
}
