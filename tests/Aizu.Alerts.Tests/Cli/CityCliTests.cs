namespace Aizu.Alerts.Tests;

public sealed class CityCliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("aizu-city-cli-").FullName;
    private readonly FakeTimeProvider time = new(TestGateway.Morning);
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    [Fact]
    public async Task KeyGenerate_WritesAPrivateKeyOnlyTheOwnerCanReadAndThePublicKey()
    {
        var exit = await RunAsync("key", "generate", "--out", Path.Combine(directory, "city.pem"));

        Assert.Equal(0, exit);
        var privatePath = Path.Combine(directory, "city.pem");
        using var key = P256Keys.ImportPrivatePem(await File.ReadAllTextAsync(privatePath));
        using var publicKey = P256Keys.ImportPublicHalfPem(await File.ReadAllTextAsync(Path.Combine(directory, "city.pub.pem")));
        Assert.Equal(JwkThumbprint.Of(key), JwkThumbprint.Of(publicKey));
        Assert.Contains(JwkThumbprint.Of(key), output.ToString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(privatePath));
        }
    }

    [Fact]
    public async Task KeyGenerate_NeverOverwritesAKey()
    {
        var path = Path.Combine(directory, "city.pem");
        await File.WriteAllTextAsync(path, "precious");

        var exit = await RunAsync("key", "generate", "--out", path);

        Assert.Equal(1, exit);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task AlertPublish_ToFile_ProducesWhatTheGatewayShows()
    {
        var key = await GenerateKeyAsync("city");
        var signed = Path.Combine(directory, "alert.jws");

        var exit = await RunAsync("alert", "publish", Fixture.ExamplePath("level4-evacuation-order.xml"), "--sign", key, "--out", signed);

        Assert.Equal(0, exit);
        Assert.Contains("expires in 06:00:00", error.ToString(), StringComparison.Ordinal);
        using var gateway = new TestGateway(await File.ReadAllTextAsync(Path.Combine(directory, "city.pub.pem")), time: time);
        var receipt = await gateway.ReceiveAsync(await File.ReadAllBytesAsync(signed));
        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
    }

    [Fact]
    public async Task AlertPublish_WithoutOutOrBroker_WritesTheJwsToStandardOutput()
    {
        var key = await GenerateKeyAsync("city");
        output.GetStringBuilder().Clear();

        var exit = await RunAsync("alert", "publish", Fixture.ExamplePath("level4-evacuation-order-cancel.xml"), "--sign", key);

        Assert.Equal(0, exit);
        Assert.Equal(3, output.ToString().Trim().Split('.').Length);
    }

    [Fact]
    public async Task AlertPublish_ExpiredAlert_IsRefused()
    {
        var key = await GenerateKeyAsync("city");
        time.SetUtcNow(new DateTimeOffset(2026, 7, 10, 12, 0, 0, TimeSpan.FromHours(9)));

        var exit = await RunAsync("alert", "publish", Fixture.ExamplePath("level4-evacuation-order.xml"), "--sign", key);

        Assert.Equal(4, exit);
        Assert.Contains("has passed", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertPublish_CancelWithExpiresEqualToSent_IsPublishedForTheCancelRetention()
    {
        var key = await GenerateKeyAsync("city");
        time.SetUtcNow(TestGateway.Morning.AddMinutes(5));
        var cap = Path.Combine(directory, "cancel.xml");
        await File.WriteAllTextAsync(cap, CapXml.Alert("c", TestGateway.Morning, TestGateway.Morning, msgType: "Cancel", references: CapXml.Reference("a", TestGateway.Morning.AddHours(-1))));

        var exit = await RunAsync("alert", "publish", cap, "--sign", key, "--out", Path.Combine(directory, "cancel.jws"));

        Assert.Equal(0, exit);
        Assert.Contains("expires in 1.00:00:00", output.ToString() + error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertPublish_UpdateWithoutReferences_IsRefused()
    {
        // Gateways keep such an Update (as a new alert); the city's own tool insists on the profile.
        var key = await GenerateKeyAsync("city");
        var cap = Path.Combine(directory, "update.xml");
        await File.WriteAllTextAsync(cap, CapXml.Alert("u", TestGateway.Morning, TestGateway.Morning.AddHours(1), msgType: "Update"));

        var exit = await RunAsync("alert", "publish", cap, "--sign", key);

        Assert.Equal(4, exit);
        Assert.Contains("<msgType> is Update but <references> is missing", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertPublish_InconsistentLevel_IsRefused()
    {
        var key = await GenerateKeyAsync("city");
        var cap = Path.Combine(directory, "odd.xml");
        await File.WriteAllTextAsync(cap, CapXml.Alert("odd", TestGateway.Morning, TestGateway.Morning.AddHours(1), level: 4, severity: "Moderate", urgency: "Expected"));

        var exit = await RunAsync("alert", "publish", cap, "--sign", key);

        Assert.Equal(4, exit);
        Assert.Contains("needs severity Severe and urgency Immediate", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertPublish_PublicKeyAsSigningKey_IsRefused()
    {
        await GenerateKeyAsync("city");

        var exit = await RunAsync("alert", "publish", Fixture.ExamplePath("level4-evacuation-order.xml"), "--sign", Path.Combine(directory, "city.pub.pem"));

        Assert.Equal(1, exit);
        Assert.Contains("PUBLIC KEY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRotate_ToFile_IsAcceptedByTheGatewayAndTheNextKeyThenSigns()
    {
        var current = await GenerateKeyAsync("current");
        var next = await GenerateKeyAsync("next");
        var update = Path.Combine(directory, "rotate.jws");

        var exit = await RunAsync("key", "rotate", "--sign", current, "--next", Path.Combine(directory, "next.pub.pem"), "--overlap-days", "3", "--out", update);

        Assert.Equal(0, exit);
        using var gateway = new TestGateway(await File.ReadAllTextAsync(Path.Combine(directory, "current.pub.pem")), time: time);
        Assert.Equal(AlertOutcome.KeyUpdated, (await gateway.ReceiveAsync(await File.ReadAllBytesAsync(update))).Outcome);
        var signed = Path.Combine(directory, "alert.jws");
        Assert.Equal(0, await RunAsync("alert", "publish", Fixture.ExamplePath("level4-evacuation-order.xml"), "--sign", next, "--out", signed));
        Assert.Equal(AlertOutcome.Shown, (await gateway.ReceiveAsync(await File.ReadAllBytesAsync(signed))).Outcome);
        var status = await gateway.Keys.GetStatusAsync(CancellationToken.None);
        Assert.Equal(TestGateway.Morning.AddDays(3), status.OverlapUntil);
    }

    [Theory]
    [InlineData("mqtt://localhost", "localhost", 1883, false)]
    [InlineData("mqtts://broker.example:8884", "broker.example", 8884, true)]
    [InlineData("mqtts://broker.example", "broker.example", 8883, true)]
    public void BrokerConnection_ParsesAddresses(string text, string host, int port, bool tls)
    {
        Assert.True(BrokerConnection.TryParse(text, out var connection, out _));
        Assert.Equal(new BrokerConnection(host, port, tls), connection);
    }

    [Theory]
    [InlineData("http://localhost:1883")]
    [InlineData("mqtt://user:pw@localhost")]
    [InlineData("localhost:1883")]
    public void BrokerConnection_RefusesOtherAddresses(string text)
    {
        Assert.False(BrokerConnection.TryParse(text, out _, out var problem));
        Assert.Contains("broker address", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertPublish_ToBroker_IsRetainedWithQos1AndExpiryAndShownByAGatewayThatConnectsLater()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var key = await GenerateKeyAsync("city");

        var exit = await RunAsync("alert", "publish", Fixture.ExamplePath("level4-evacuation-order.xml"), "--sign", key, "--broker", $"mqtt://127.0.0.1:{broker.Port}");

        Assert.True(exit == 0, error.ToString() + broker.Output);

        // A gateway subscribing afterwards gets the retained message from the broker.
        using var client = new MqttClientFactory().CreateMqttClient();
        var received = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithProtocolVersion(MqttProtocolVersion.V500).Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(WireTopics.CityAlerts, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await client.DisconnectAsync();

        Assert.True(message.Retain);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.Equal("application/jose", message.ContentType);
        Assert.InRange(message.MessageExpiryInterval, 6u * 3600 - 60, 6u * 3600);
        using var gateway = new TestGateway(await File.ReadAllTextAsync(Path.Combine(directory, "city.pub.pem")), time: time);
        var receipt = await gateway.Inbox.ReceiveAsync(
            message.Payload.ToArray(), new AlertDelivery(WireTopics.CityAlerts, message.Retain, message.MessageExpiryInterval), CancellationToken.None);
        Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
    }

    [Fact]
    public async Task AlertPublish_BrokerUnreachable_FailsWithExitCode5()
    {
        var key = await GenerateKeyAsync("city");
        int closedPort = FreePort.Next();

        var exit = await RunAsync("alert", "publish", Fixture.ExamplePath("level4-evacuation-order.xml"), "--sign", key, "--broker", $"mqtt://127.0.0.1:{closedPort}");

        Assert.Equal(5, exit);
        Assert.Contains("could not publish", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alert", "--client-cert", "--client-key go together")]
    [InlineData("key", "--ca-file", "broker address is mqtt://; use mqtts://")]
    public async Task PublishingCommands_WrongBrokerOptions_AreRefusedBeforeAnythingIsSigned(string group, string tlsOption, string problem)
    {
        var key = await GenerateKeyAsync("city");
        var signed = Path.Combine(directory, "signed.jws");
        string[] publish = group == "alert"
            ? ["alert", "publish", Fixture.ExamplePath("level4-evacuation-order.xml"), "--sign", key]
            : ["key", "rotate", "--sign", key, "--next", Path.Combine(directory, "city.pub.pem")];

        var exit = await RunAsync([.. publish, "--out", signed, "--broker", "mqtt://127.0.0.1:1883", tlsOption, key]);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(problem, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(signed));
    }

    public void Dispose()
    {
        output.Dispose();
        error.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private async Task<string> GenerateKeyAsync(string name)
    {
        var path = Path.Combine(directory, name + ".pem");
        Assert.Equal(0, await RunAsync("key", "generate", "--out", path));
        return path;
    }

    private Task<int> RunAsync(params string[] args) =>
        CityCommandLine.Create(output, error, time).Parse(args).InvokeAsync();
}
