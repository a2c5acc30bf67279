namespace Aizu.Gateway.Tests.Cli;

/// <summary><c>aizu doctor</c> on the meter's serial port: there, openable, a dongle that answers, and left alone while in use.</summary>
public sealed class DoctorMeterPortTests
{
    // A real clock: a dongle that answers also gets the test scan and join, whose waits run on it.
    private static readonly TimeProvider Now = TimeProvider.System;

    [Fact]
    public async Task SimulatedDongle_AnswersSkverAndSkinfo_AndTheCheckNamesItsFirmware()
    {
        using var directory = new TemporaryDirectory();
        string device = Path.Combine(directory.Path, "ttyWiSUN");
        await using var dongle = await BRouteSimulation.StartAsync(new SimulatedDongleOptions { DevicePath = device, LatencyScale = 0.05 }, TimeProvider.System, null, CancellationToken.None);

        var check = await MeterCheckAsync(directory.Path, device);

        Assert.Equal("ok", check.GetProperty("outcome").GetString());
        string detail = check.GetProperty("detail").GetString()!;
        Assert.Contains("dongle firmware 1.2.10", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer to SKINFO", detail, StringComparison.Ordinal);
        Assert.Matches(@"firmware 1\.2\.10, FE80:\S+ [0-9A-F]{16} ", detail);
    }

    [Fact]
    public async Task MissingDevice_Fails_WithWhereToLook()
    {
        using var directory = new TemporaryDirectory();

        var check = await MeterCheckAsync(directory.Path, Path.Combine(directory.Path, "ttyNotThere"));

        Assert.Equal("fail", check.GetProperty("outcome").GetString());
        Assert.Contains("does not exist", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("/dev/serial/by-id", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceHeldByAnotherProcess_IsReported_AndNotProbed()
    {
        using var directory = new TemporaryDirectory();
        string device = Path.Combine(directory.Path, "ttyWiSUN");
        await using var dongle = await BRouteSimulation.StartAsync(new SimulatedDongleOptions { DevicePath = device, LatencyScale = 0.05 }, TimeProvider.System, null, CancellationToken.None);
        using var holder = Process.Start(new ProcessStartInfo("sh", ["-c", "exec sleep 60 < \"$0\"", device]) { UseShellExecute = false })!;
        try
        {
            await Eventually.TrueAsync(() => File.Exists($"/proc/{holder.Id}/fd/0") && new FileInfo($"/proc/{holder.Id}/fd/0").LinkTarget!.StartsWith("/dev/pts/", StringComparison.Ordinal), "the holder opened the device");
            int commandsBefore = dongle.SendToCount + dongle.ScanCount;

            var check = await MeterCheckAsync(directory.Path, device);

            Assert.Equal("ok", check.GetProperty("outcome").GetString());
            Assert.Contains($"process {holder.Id} (sleep)", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("not probed while in use", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(commandsBefore, dongle.SendToCount + dongle.ScanCount);
        }
        finally
        {
            holder.Kill();
            await holder.WaitForExitAsync();
        }
    }

    private static async Task<JsonElement> MeterCheckAsync(string directory, string device)
    {
        using var files = new TemporaryDirectory();
        var checks = await DoctorRun.ChecksAsync(files, new
        {
            Storage = new { DatabasePath = Path.Combine(directory, "aizu.db") },
            BRoute = new { DevicePath = device, RouteBId = "00112233445566778899AABBCCDDEEFF", Password = "0123456789AB" },
        }, Now);
        return checks["B-route dongle"];
    }
}
