namespace Aizu.Gateway.Tests.Cli;

/// <summary>
/// <c>aizu doctor</c>'s test scan and join against the simulated dongle and meter, with each fault an installer meets:
/// the meter out of range, the wrong B-route password, a weak signal, a meter clock that is off.
/// </summary>
public sealed class DoctorBRouteLinkTests
{
    private const string RouteBId = "00112233445566778899AABBCCDDEEFF";
    private const string Password = "0123456789AB";

    [Fact]
    public async Task GoodLink_IsJoined_WithItsLqiAndDbm_AndTheMeterClockAgrees()
    {
        var checks = await DoctorAsync(new SimulatedDongleOptions(), TimeProvider.System, Password);

        var link = checks["B-route link"];
        Assert.Equal("ok", link.GetProperty("outcome").GetString());
        Assert.Contains("meter 001D129012345678 on channel 0x21, PAN 0x8888, LQI 168 (-58 dBm), joined", link.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var clock = checks["meter clock"];
        Assert.Equal("ok", clock.GetProperty("outcome").GetString());
        Assert.Contains("within a minute of the gateway's clock", clock.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_Fails_NamingTheCredentialKeys()
    {
        var checks = await DoctorAsync(new SimulatedDongleOptions(), TimeProvider.System, "WRONGPASS000");

        var link = checks["B-route link"];
        Assert.Equal("fail", link.GetProperty("outcome").GetString());
        Assert.Contains("refused the B-route ID and password", link.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Aizu:BRoute:Password", link.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.False(checks.ContainsKey("meter clock"));
    }

    [Fact]
    public async Task MeterOutOfRange_Fails_WithWhereToPutTheDongle()
    {
        var checks = await DoctorAsync(new SimulatedDongleOptions { MeterInRange = false }, TimeProvider.System, Password);

        var link = checks["B-route link"];
        Assert.Equal("fail", link.GetProperty("outcome").GetString());
        Assert.Contains("no smart meter answered", link.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("closer to the meter", link.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakSignal_IsAWarning_WithItsDbm()
    {
        var checks = await DoctorAsync(new SimulatedDongleOptions { Lqi = 40 }, TimeProvider.System, Password);

        var link = checks["B-route link"];
        Assert.Equal("warning", link.GetProperty("outcome").GetString());
        Assert.Contains("LQI 40 (-93 dBm), joined; the signal is weak", link.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeterClockTenMinutesAhead_IsAWarning()
    {
        var checks = await DoctorAsync(new SimulatedDongleOptions(), new ShiftedTimeProvider(TimeSpan.FromMinutes(10)), Password);

        var clock = checks["meter clock"];
        Assert.Equal("warning", clock.GetProperty("outcome").GetString());
        Assert.Matches("(9|10) min ahead of the gateway's clock", clock.GetProperty("detail").GetString());
    }

    private static async Task<Dictionary<string, JsonElement>> DoctorAsync(SimulatedDongleOptions simulated, TimeProvider meterTime, string password)
    {
        using var directory = new TemporaryDirectory();
        string device = Path.Combine(directory.Path, "ttyWiSUN");
        await using var dongle = await BRouteSimulation.StartAsync(
            simulated with { DevicePath = device, LatencyScale = 0.02, RouteBId = RouteBId, Password = Password }, meterTime, null, CancellationToken.None);
        return await DoctorRun.ChecksAsync(directory, new
        {
            Storage = new { DatabasePath = directory.File("aizu.db") },
            BRoute = new { DevicePath = device, RouteBId, Password = password },
        });
    }
}
