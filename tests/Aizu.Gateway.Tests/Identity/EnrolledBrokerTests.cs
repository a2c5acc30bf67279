namespace Aizu.Gateway.Tests.Identity;

/// <summary>
/// The device identity against a real mosquitto with a TLS listener, <c>require_certificate</c>,
/// <c>use_identity_as_username</c> and the ACL from docs/city.md: the enrolled gateway program connects and
/// announces itself; no certificate, another CA's, an expired one and one the city's CRL revokes are refused; another gateway's topic cannot be
/// written. Fails (never skips) without mosquitto.
/// </summary>
public sealed class EnrolledBrokerTests
{
    [Fact]
    public async Task EnrolledGateway_ConnectsWithItsOwnIdentity_AndAnnouncesItselfOnItsStatusTopic()
    {
        await using var city = await TestCity.StartAsync();
        using var home = await city.EnrolHomeAsync("enrolled");
        var gatewayId = home.GatewayId;

        await using var gateway = GatewayProcess.Start(home.Path, "run", "--demo", "--config", home.Config, "--urls", "http://127.0.0.1:0");
        await gateway.PanelAsync();

        await Eventually.TrueAsync(
            () => city.Monitor.Messages.Any(m => m.Topic == WireTopics.Status(gatewayId) && m.Text.Contains("online", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), () => $"no birth of {gatewayId} over mutual TLS{Environment.NewLine}{gateway.Output}{Environment.NewLine}{city.Broker.Output}");
        Assert.Matches("^gw-[0-9a-f]{20}$", gatewayId);
        Assert.Equal(gatewayId, (await File.ReadAllTextAsync(Path.Combine(home.Path, "identity", "gateway-id"))).Trim());
        Assert.DoesNotContain("not enrolled", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCertificate_AnotherCasCertificate_AnExpiredOne_AndARevokedOne_AreRefused()
    {
        await using var city = await TestCity.StartAsync();
        var now = DateTimeOffset.UtcNow;
        using var foreignCa = TestCertificateAuthority.Create("Somebody Else's CA");
        var foreign = foreignCa.WriteClientCertificate(city.Directory.Path, "gw-foreign0000000000", now.AddHours(-1), now.AddDays(30));
        var expired = city.Authority.WriteClientCertificate(city.Directory.Path, "gw-expired0000000000", now.AddDays(-60), now.AddDays(-1));
        var valid = city.Authority.WriteClientCertificate(city.Directory.Path, "gw-valid000000000000", now.AddHours(-1), now.AddDays(30));

        await Assert.ThrowsAnyAsync<Exception>(() => city.ConnectAsync("no-certificate", null, null));
        await Assert.ThrowsAnyAsync<Exception>(() => city.ConnectAsync("gw-foreign0000000000", foreign.CertificateFile, foreign.KeyFile));
        await Assert.ThrowsAnyAsync<Exception>(() => city.ConnectAsync("gw-expired0000000000", expired.CertificateFile, expired.KeyFile));
        await Assert.ThrowsAnyAsync<Exception>(() => city.ConnectAsync(TestCity.RevokedGatewayId, city.Revoked.CertificateFile, city.Revoked.KeyFile));

        // The same listener lets a valid certificate in: the refusals above are the certificates', not the setup's.
        using var client = await city.ConnectAsync("gw-valid000000000000", valid.CertificateFile, valid.KeyFile);
        Assert.True(client.IsConnected);
        Assert.DoesNotContain(city.Monitor.Messages, m => m.Topic.StartsWith("aizu/v1/status/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGateway_CannotPublishOnAnotherGatewaysTopic_NorReadOthers_ButWritesAndReadsItsOwn()
    {
        await using var city = await TestCity.StartAsync();
        using var home = await city.EnrolHomeAsync("enrolled");
        var gatewayId = home.GatewayId;
        var identity = Path.Combine(home.Path, "identity");
        using var client = await city.ConnectAsync(gatewayId, Path.Combine(identity, "device.pem"), Path.Combine(identity, "device.key"));
        var received = new List<string>();
        client.ApplicationMessageReceivedAsync += args =>
        {
            lock (received)
            {
                received.Add(args.ApplicationMessage.Topic);
            }

            return Task.CompletedTask;
        };

        var everything = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var own = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(WireTopics.Doctor(gatewayId), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var foreignStatus = await client.PublishAsync(Message(WireTopics.Status("gw-neighbour000000000"), "{\"state\":\"offline\"}"));
        var foreignDoctor = await client.PublishAsync(Message(WireTopics.Doctor("gw-neighbour000000000"), "forged"));
        var ownStatus = await client.PublishAsync(Message(WireTopics.Status(gatewayId), "{\"state\":\"online\"}"));
        var ownDoctor = await client.PublishAsync(Message(WireTopics.Doctor(gatewayId), "token"));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreignStatus.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreignDoctor.ReasonCode);
        Assert.True(ownStatus.IsSuccess, ownStatus.ReasonCode.ToString());
        Assert.True(ownDoctor.IsSuccess, ownDoctor.ReasonCode.ToString());
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, own.Items.Single().ResultCode);

        // Another enrolled gateway announces itself; the operator's monitor sees it, the first gateway's '#' must not.
        var now = DateTimeOffset.UtcNow;
        var other = city.Authority.WriteClientCertificate(city.Directory.Path, "gw-other000000000000", now.AddHours(-1), now.AddDays(30));
        using var otherClient = await city.ConnectAsync("gw-other000000000000", other.CertificateFile, other.KeyFile);
        Assert.True((await otherClient.PublishAsync(Message(WireTopics.Status("gw-other000000000000"), "{\"state\":\"online\"}"))).IsSuccess);

        // The operator's monitor on '#' sees the gateways' own messages and never the forged ones.
        await Eventually.TrueAsync(() => city.Monitor.Messages.Any(m => m.Topic == WireTopics.Doctor(gatewayId)), TimeSpan.FromSeconds(10), () => city.Broker.Output);
        await Eventually.TrueAsync(() => city.Monitor.Messages.Any(m => m.Topic == WireTopics.Status("gw-other000000000000")), TimeSpan.FromSeconds(10), () => city.Broker.Output);
        await Eventually.TrueAsync(() => { lock (received) { return received.Contains(WireTopics.Doctor(gatewayId)); } }, TimeSpan.FromSeconds(10), () => "own test topic not read back");
        Assert.DoesNotContain(city.Monitor.Messages, m => m.Topic.Contains("gw-neighbour", StringComparison.Ordinal));

        // mosquitto grants the '#' subscription but delivers on it only what the ACL lets the gateway read: its own
        // test topic, not the other gateway's status nor its own (write-only) status.
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, everything.Items.Single().ResultCode);
        lock (received)
        {
            Assert.All(received, topic => Assert.Equal(WireTopics.Doctor(gatewayId), topic));
        }
    }

    private static MqttApplicationMessage Message(string topic, string text) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(Encoding.UTF8.GetBytes(text))
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();
}
