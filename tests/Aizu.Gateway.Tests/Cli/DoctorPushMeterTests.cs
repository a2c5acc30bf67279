using System.Text.Json;
using Aizu.Hardware.Simulators.Dsmr;
using Aizu.Hardware.Simulators.PushMeters;
using Aizu.Hardware.Simulators.Sml;

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
        using var directory = new TemporaryDirectory();
        await using var meter = await DsmrSimulation.StartAsync(new SimulatedP1Options { DevicePath = directory.File("ttyP1"), TelegramInterval = Fast }, TimeProvider.System, CancellationToken.None);

        var check = await CheckAsync(directory, "Dsmr", meter.DevicePath, "P1 telegrams");

        Assert.Equal("ok", check.GetProperty("outcome").GetString());
        Assert.Matches(@"^1\d telegrams in \d+ s: 1\d good, 0 with a CRC error, 0 refused otherwise \(0% lost\)$", check.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NoisyP1Line_ShowsItsCrcErrorRate_AndWhatToDo()
    {
        using var directory = new TemporaryDirectory();
        await using var meter = await DsmrSimulation.StartAsync(new SimulatedP1Options { DevicePath = directory.File("ttyP1"), TelegramInterval = Fast }, TimeProvider.System, CancellationToken.None);
        meter.CorruptNextFrames(1_000);

        var check = await CheckAsync(directory, "Dsmr", meter.DevicePath, "P1 telegrams");

        Assert.Equal("fail", check.GetProperty("outcome").GetString());
        Assert.Matches(@"^1\d telegrams in \d+ s: 0 good, 1\d with a CRC error, 0 refused otherwise \(100% lost\)$", check.GetProperty("detail").GetString());
        Assert.Contains("replace the cable", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentSmlReadHead_Fails_WithTheCableHint()
    {
        using var directory = new TemporaryDirectory();
        await using var meter = await SmlSimulation.StartAsync(new SimulatedSmlOptions { DevicePath = directory.File("ttySML"), PushInterval = Fast }, TimeProvider.System, CancellationToken.None);
        meter.SetSilent(true);

        var check = await CheckAsync(directory, "Sml", meter.DevicePath, "SML files");

        Assert.Equal("fail", check.GetProperty("outcome").GetString());
        Assert.Matches(@"^nothing arrived in 3\d s$", check.GetProperty("detail").GetString());
        Assert.Contains("Check the cable", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanSmlLine_IsOk()
    {
        using var directory = new TemporaryDirectory();
        await using var meter = await SmlSimulation.StartAsync(new SimulatedSmlOptions { DevicePath = directory.File("ttySML"), PushInterval = Fast }, TimeProvider.System, CancellationToken.None);

        var check = await CheckAsync(directory, "Sml", meter.DevicePath, "SML files");

        Assert.Equal("ok", check.GetProperty("outcome").GetString());
        Assert.Contains("0 with a CRC error", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> CheckAsync(TemporaryDirectory directory, string section, string device, string name)
    {
        var meter = new Dictionary<string, object> { ["DevicePath"] = device };
        var aizu = new Dictionary<string, object> { ["Storage"] = new { DatabasePath = directory.File("aizu.db") }, [section] = meter };
        return (await DoctorRun.ChecksAsync(directory, aizu))[name];
    }
}
