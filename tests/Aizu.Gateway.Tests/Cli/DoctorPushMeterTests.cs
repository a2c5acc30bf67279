namespace Aizu.Gateway.Tests.Cli;

/// <summary>
/// <c>aizu doctor</c> listening to a push meter with the gateway's own driver: the frames that arrive and their CRC
/// error rate, a silent port, and a line whose bytes are not frames at all.
/// </summary>
public sealed class DoctorPushMeterTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task CleanP1Line_IsOk_WithTheTelegramCount()
    {
        var check = await P1CheckAsync(_ => { });

        Assert.Equal("ok", check.GetProperty("outcome").GetString());
        Assert.Matches(@"^1\d telegrams in \d+ s: 1\d good, 0 with a CRC error, 0 refused otherwise \(0% lost\)$", check.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NoisyP1Line_ShowsItsCrcErrorRate_AndWhatToDo()
    {
        var check = await P1CheckAsync(meter => meter.CorruptNextFrames(1_000));

        AssertFailed(check, @"^1\d telegrams in \d+ s: 0 good, 1\d with a CRC error, 0 refused otherwise \(100% lost\)$", "replace the cable");
    }

    [Fact]
    public async Task SilentSmlReadHead_Fails_WithTheCableHint()
    {
        var check = await SmlCheckAsync(meter => meter.SetSilent(true));

        AssertFailed(check, @"^nothing arrived in 3\d s$", "Check the cable");
    }

    [Fact]
    public async Task CleanSmlLine_IsOk()
    {
        var check = await SmlCheckAsync(_ => { });

        Assert.Equal("ok", check.GetProperty("outcome").GetString());
        Assert.Contains("0 with a CRC error", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The doctor's "P1 telegrams" check on a simulated P1 port (a telegram every <see cref="Fast"/>) that <paramref name="fault"/> has set up.</summary>
    private static async Task<JsonElement> P1CheckAsync(Action<SimulatedP1Meter> fault)
    {
        using var directory = new TemporaryDirectory();
        await using var meter = await DsmrSimulation.StartAsync(new SimulatedP1Options { DevicePath = directory.File("ttyP1"), TelegramInterval = Fast }, TimeProvider.System, CancellationToken.None);
        fault(meter);
        return await CheckAsync(directory, "Dsmr", meter.DevicePath, "P1 telegrams");
    }

    /// <summary>The doctor's "SML files" check on a simulated SML read head (a file every <see cref="Fast"/>) that <paramref name="fault"/> has set up.</summary>
    private static async Task<JsonElement> SmlCheckAsync(Action<SimulatedSmlMeter> fault)
    {
        using var directory = new TemporaryDirectory();
        await using var meter = await SmlSimulation.StartAsync(new SimulatedSmlOptions { DevicePath = directory.File("ttySML"), PushInterval = Fast }, TimeProvider.System, CancellationToken.None);
        fault(meter);
        return await CheckAsync(directory, "Sml", meter.DevicePath, "SML files");
    }

    private static async Task<JsonElement> CheckAsync(TemporaryDirectory directory, string section, string device, string name)
    {
        var meter = new Dictionary<string, object> { ["DevicePath"] = device };
        var aizu = new Dictionary<string, object> { ["Storage"] = new { DatabasePath = directory.File("aizu.db") }, [section] = meter };
        return (await DoctorRun.ChecksAsync(directory, aizu))[name];
    }

    private static void AssertFailed(JsonElement check, string detailPattern, string fix)
    {
        Assert.Equal("fail", check.GetProperty("outcome").GetString());
        Assert.Matches(detailPattern, check.GetProperty("detail").GetString());
        Assert.Contains(fix, check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }
}
