namespace Aizu.Testing;

/// <summary>A plain MQTTnet client subscribed to <c>#</c> that records everything the broker delivers.</summary>
public sealed class BrokerRecorder : IAsyncDisposable
{
    private readonly IMqttClient client;
    private readonly TimeProvider clock;
    private readonly ConcurrentQueue<RecordedMessage> messages = new();

    private BrokerRecorder(IMqttClient client, TimeProvider clock)
    {
        this.client = client;
        this.clock = clock;
    }

    /// <summary>Everything received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedMessage> Messages => messages.ToArray();

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and subscribes to <c>#</c>.</summary>
    public static async Task<BrokerRecorder> StartAsync(int port, TimeProvider clock, string clientId = "test-recorder")
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var recorder = new BrokerRecorder(client, clock);
        client.ApplicationMessageReceivedAsync += args =>
        {
            var m = args.ApplicationMessage;
            recorder.messages.Enqueue(new RecordedMessage(
                m.Topic,
                System.Buffers.BuffersExtensions.ToArray(m.Payload),
                m.ContentType,
                m.UserProperties?.Select(p => new KeyValuePair<string, string>(p.Name, Encoding.UTF8.GetString(p.ValueBuffer.Span))).ToArray() ?? [],
                m.CorrelationData is null ? null : Encoding.UTF8.GetString(m.CorrelationData),
                m.Retain,
                clock.GetUtcNow()));
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(true)
            .Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic("#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build());
        return recorder;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions());
        }

        client.Dispose();
    }
}
