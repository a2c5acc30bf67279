namespace Aizu.City.Tests;

/// <summary>A raw MQTT 5 publisher for messages a test builds itself, well-formed or not.</summary>
internal sealed class WirePublisher : IAsyncDisposable
{
    private readonly IMqttClient client;

    private WirePublisher(IMqttClient client) => this.client = client;

    public static async Task<WirePublisher> ConnectAsync(int port, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .Build());
        return new WirePublisher(client);
    }

    /// <summary>Publishes at QoS 1 and checks the broker took it.</summary>
    public async Task PublishAsync(string topic, byte[] payload, IReadOnlyList<KeyValuePair<string, string>> properties, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain);
        foreach (var (name, value) in properties)
        {
            message.WithUserProperty(name, Encoding.UTF8.GetBytes(value).AsMemory());
        }

        var result = await client.PublishAsync(message.Build());
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"the broker refused {topic}: {result.ReasonCode}");
        }
    }

    /// <summary>An energy window as a gateway sends it (docs/uplink.md), with the test's choice of every field.</summary>
    public Task PublishWindowAsync(string purpose, string category, string pseudonym, string consent, DateTimeOffset start, string aggregation, double valueWh, string messageId) =>
        PublishAsync(
            WireTopics.Data(purpose, category, pseudonym),
            EnergyWindowPayload.Write(new EnergyWindowMessage(pseudonym, category, start, aggregation, valueWh)),
            UserProperties.Of(SchemaIds.EnergyWindow, messageId, consent, purpose, aggregation));

    public async ValueTask DisposeAsync()
    {
        await client.DisconnectAsync();
        client.Dispose();
    }
}
