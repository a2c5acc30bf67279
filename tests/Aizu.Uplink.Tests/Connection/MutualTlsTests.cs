namespace Aizu.Uplink.Tests.Connection;

/// <summary>
/// Mutual TLS against a real mosquitto with <c>require_certificate true</c>: the uplink connects with the
/// device certificate and is refused without it. Fails (never skips) without mosquitto.
/// </summary>
public sealed class MutualTlsTests
{
    private const string GatewayId = "gw-mtls-0001";

    [Fact]
    public async Task WithDeviceCertificate_Connects_AndAnnouncesItself()
    {
        using var pki = TestCertificates.Create(GatewayId);
        await using var broker = await StartBrokerAsync(pki);
        var tlsPort = broker.TlsPort!.Value;
        await using var recorder = await BrokerRecorder.StartAsync(broker.Port, TimeProvider.System);

        using var host = await StartUplinkAsync(tlsPort, pki, withDeviceCertificate: true);
        var state = host.Services.GetRequiredService<UplinkState>();

        await Eventually.TrueAsync(() => state.IsConnected, TimeSpan.FromSeconds(30), () => $"not connected: {state.LastError}{Environment.NewLine}{broker.Output}");
        await Eventually.TrueAsync(() => recorder.Messages.Any(m => m.Topic == $"aizu/v1/status/{GatewayId}" && m.Text.Contains("online", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), () => "no birth message over mutual TLS");
        await host.StopAsync();
    }

    [Fact]
    public async Task WithoutDeviceCertificate_IsRefused()
    {
        using var pki = TestCertificates.Create(GatewayId);
        await using var broker = await StartBrokerAsync(pki);
        var tlsPort = broker.TlsPort!.Value;
        await using var recorder = await BrokerRecorder.StartAsync(broker.Port, TimeProvider.System);

        using var host = await StartUplinkAsync(tlsPort, pki, withDeviceCertificate: false);
        var state = host.Services.GetRequiredService<UplinkState>();

        // Several attempts (back-off 0.2 s … 1 s), every one refused during the TLS handshake.
        await Eventually.TrueAsync(() => state.ConsecutiveFailures >= 3, TimeSpan.FromSeconds(30), () => $"failures: {state.ConsecutiveFailures}, {state.LastError}");
        Assert.False(state.IsConnected);
        Assert.False(string.IsNullOrEmpty(state.LastError));
        Assert.DoesNotContain(recorder.Messages, m => m.Topic.StartsWith("aizu/v1/status/", StringComparison.Ordinal));
        await host.StopAsync();
    }

    private static Task<MosquittoBroker> StartBrokerAsync(TestCertificates pki) =>
        MosquittoBroker.StartAsync(tls: new MosquittoTlsListener(pki.CaFile, pki.ServerCertificateFile, pki.ServerKeyFile));

    private static async Task<IHost> StartUplinkAsync(int tlsPort, TestCertificates pki, bool withDeviceCertificate)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Uplink:Host"] = "127.0.0.1",
            ["Aizu:Uplink:Port"] = tlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Aizu:Uplink:GatewayId"] = GatewayId,
            ["Aizu:Uplink:UseTls"] = "true",
            ["Aizu:Uplink:CaFile"] = pki.CaFile,
            ["Aizu:Uplink:ClientCertificateFile"] = withDeviceCertificate ? pki.DeviceCertificateFile : "",
            ["Aizu:Uplink:ClientKeyFile"] = withDeviceCertificate ? pki.DeviceKeyFile : "",
            ["Aizu:Uplink:Timeout"] = "00:00:05",
            ["Aizu:Uplink:ReconnectMinDelay"] = "00:00:00.200",
            ["Aizu:Uplink:ReconnectMaxDelay"] = "00:00:01",
        });
        builder.Services.AddSingleton<IOutbox, EmptyOutbox>();
        builder.Services.AddAizuUplink(builder.Configuration.GetSection("Aizu:Uplink"));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
