namespace Aizu.Uplink.Tests.Downlink;

/// <summary>Birth and offline status, and the city's messages reaching the registered handlers.</summary>
public sealed class DownlinkAndStatusTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task RetainedAlertAndCatalogue_AreHandedToTheHandlersThatAskForThem()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await PublishRetainedAsync(broker.Port, WireTopics.CityAlerts, "<alert>drill</alert>");
        await PublishRetainedAsync(broker.Port, WireTopics.Catalogue, """{"purposes":[]}""");
        var alerts = new RecordingHandler(WireTopics.CityAlerts);
        var catalogue = new RecordingHandler(WireTopics.Catalogue);
        var directory = Directory.CreateTempSubdirectory("aizu-downlink-").FullName;
        try
        {
            await using var gateway = await GatewayHarness.StartAsync(Path.Combine(directory, "gateway.db"), broker.Port, new FakeTimeProvider(T0),
                new TestConsentRegistry(), new SimulatedHousehold(T0), recorder: null, services =>
                {
                    services.AddSingleton<IDownlinkHandler>(alerts);
                    services.AddSingleton<IDownlinkHandler>(catalogue);
                });

            await Eventually.TrueAsync(() => !alerts.Received.IsEmpty && !catalogue.Received.IsEmpty, TimeSpan.FromSeconds(30), () => "handlers got nothing");
            var alert = Assert.Single(alerts.Received);
            Assert.Equal("<alert>drill</alert>", Encoding.UTF8.GetString(alert.Payload.Span));
            Assert.True(alert.Retained);
            Assert.Equal(WireTopics.Catalogue, Assert.Single(catalogue.Received).Topic);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Gateway_AnnouncesOnlineOnConnect_AndOfflineOnShutdown_Retained_WithoutHouseholdValues()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var time = new FakeTimeProvider(T0);
        var directory = Directory.CreateTempSubdirectory("aizu-status-").FullName;
        try
        {
            await using var recorder = await BrokerRecorder.StartAsync(broker.Port, time);
            var gateway = await GatewayHarness.StartAsync(Path.Combine(directory, "gateway.db"), broker.Port, time,
                new TestConsentRegistry(), new SimulatedHousehold(T0), recorder);
            await Eventually.TrueAsync(() => recorder.Messages.Any(m => m.Text.Contains("online", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), () => "no birth message");
            await gateway.DisposeAsync();
            await Eventually.TrueAsync(() => recorder.Messages.Any(m => m.Text.Contains("offline", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), () => "no offline message");

            Assert.All(recorder.Messages, m => Assert.Equal(WireTopics.Status(GatewayHarness.GatewayId), m.Topic));
            Assert.Matches("""^\{"state":"online","sw":"[^"]+"\}$""", recorder.Messages[0].Text);
            Assert.Equal("""{"state":"offline"}""", recorder.Messages[^1].Text);

            // A new subscriber gets the retained last word.
            await using var late = await BrokerRecorder.StartAsync(broker.Port, time, "late-recorder");
            await Eventually.TrueAsync(() => late.Messages.Count > 0, TimeSpan.FromSeconds(30), () => "no retained status");
            Assert.True(late.Messages[0].Retain);
            Assert.Equal("""{"state":"offline"}""", late.Messages[0].Text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task PublishRetainedAsync(int port, string topic, string payload)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithClientId("city-test").Build());
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(true).Build());
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    private sealed class RecordingHandler(string topic) : IDownlinkHandler
    {
        public ConcurrentQueue<DownlinkMessage> Received { get; } = new();

        public IReadOnlyCollection<string> Topics { get; } = [topic];

        public Task HandleAsync(DownlinkMessage message, CancellationToken cancellationToken)
        {
            Received.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
