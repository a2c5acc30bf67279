namespace Aizu.Uplink;

/// <summary>
/// One short visit to the broker with the uplink's own settings, for <c>aizu doctor</c>: reach the host, connect
/// with TLS and the device certificate, publish a random token (QoS 1, not retained) on the gateway's own test topic
/// and read it back. It uses a client id of its own, a clean session and no will, so a running gateway's session,
/// retained status and queued alerts are left alone.
/// </summary>
public static class UplinkProbe
{
    /// <summary>Runs the probe; every wait is bounded by <paramref name="timeout"/>.</summary>
    public static async Task<UplinkProbeResult> RunAsync(UplinkOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(options.Host, options.Port, limit.Token);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = exception is SocketException socket ? socket.Message : $"no answer within {timeout.TotalSeconds:0} s";
            return new UplinkProbeResult(UplinkProbeStage.Unreachable, $"{options.Host}:{options.Port} cannot be reached: {why}");
        }

        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer(options.Host, options.Port)
            .WithClientId($"{options.GatewayId}-doctor")
            .WithCleanStart(true)
            .WithSessionExpiryInterval(0)
            .WithTimeout(timeout);
        if (options.UseTls)
        {
            builder.WithTlsOptions(tls => MqttConnectionOptions.ConfigureTls(tls, options));
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var echoed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += args =>
        {
            if (System.Text.Encoding.ASCII.GetString(System.Buffers.BuffersExtensions.ToArray(args.ApplicationMessage.Payload)) == token)
            {
                echoed.TrySetResult();
            }

            return Task.CompletedTask;
        };
        try
        {
            var connected = await client.ConnectAsync(builder.Build(), limit.Token);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                return new UplinkProbeResult(UplinkProbeStage.Refused, $"the broker refused the connection: {connected.ResultCode} {connected.ReasonString}".TrimEnd());
            }
        }
        catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or IOException or System.Security.Authentication.AuthenticationException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return new UplinkProbeResult(UplinkProbeStage.Refused, $"the TLS or MQTT connection to {options.Host}:{options.Port} failed: {Innermost(exception)}");
        }

        try
        {
            var topic = WireTopics.Doctor(options.GatewayId);
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build(), limit.Token);
            var published = await client.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(token)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(), limit.Token);
            if (!published.IsSuccess)
            {
                return new UplinkProbeResult(UplinkProbeStage.PublishDenied, $"publishing on {topic} was refused: {published.ReasonCode} {published.ReasonString}".TrimEnd());
            }

            await echoed.Task.WaitAsync(limit.Token);
            return new UplinkProbeResult(UplinkProbeStage.Echoed, $"published on {topic} as {options.GatewayId} and received it back");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new UplinkProbeResult(UplinkProbeStage.NotEchoed, $"the broker accepted a publish on {WireTopics.Doctor(options.GatewayId)} but it did not come back within {timeout.TotalSeconds:0} s");
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            }
        }
    }

    private static string Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception.Message;
    }
}
