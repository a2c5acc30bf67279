namespace Aizu.Uplink.Tests.Connection;

/// <summary>
/// A broker address where TCP connects and then nothing answers (a hung broker, or a link that stalls once the
/// handshake is through): each connect gives up after <c>Timeout</c> and the loop tries again, counting the failures,
/// instead of waiting for a CONNACK for good.
/// </summary>
public sealed class SilentBrokerTests
{
    [Fact]
    public async Task A_broker_that_never_answers_the_connect_is_given_up_after_the_timeout_and_tried_again()
    {
        // Never accepted: the kernel completes the TCP handshakes into the backlog, and nothing reads or writes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Uplink:Host"] = "127.0.0.1",
            ["Aizu:Uplink:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Aizu:Uplink:GatewayId"] = "gw-silent-0001",
            ["Aizu:Uplink:UseTls"] = "false",
            ["Aizu:Uplink:Timeout"] = "00:00:01",
            ["Aizu:Uplink:ReconnectMinDelay"] = "00:00:00.200",
            ["Aizu:Uplink:ReconnectMaxDelay"] = "00:00:00.500",
        });
        builder.Services.AddSingleton<IOutbox, EmptyOutbox>();
        builder.Services.AddAizuUplink(builder.Configuration.GetSection("Aizu:Uplink"));
        using var host = builder.Build();
        await host.StartAsync();
        var state = host.Services.GetRequiredService<UplinkState>();

        // Three attempts of 1 s each and the back-offs between them; without the time-out the first never ended.
        await Eventually.TrueAsync(() => state.ConsecutiveFailures >= 3, TimeSpan.FromSeconds(20),
            () => $"failures: {state.ConsecutiveFailures}, last error: {state.LastError}");
        Assert.False(state.IsConnected);
        Assert.Contains("no answer from the broker within 00:00:01", state.LastError, StringComparison.Ordinal);
        await host.StopAsync();
    }
}
