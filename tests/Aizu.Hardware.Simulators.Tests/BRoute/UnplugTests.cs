namespace Aizu.Hardware.Simulators.Tests.BRoute;

public sealed class UnplugTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("aizu-sim-");

    [Fact]
    public async Task Unplug_FailsHostReadsRemovesTheLinkThenComesBackOnANewPtyNeedingAFreshJoin()
    {
        var link = Path.Combine(directory.FullName, "usb-ROHM_BP35A1-if00");
        await using var sim = await DongleHarness.StartAsync(o => o with { DevicePath = link });
        Assert.Equal(link, sim.Dongle.DevicePath);
        var firstPty = new FileInfo(link).LinkTarget;
        Assert.StartsWith("/dev/pts/", firstPty, StringComparison.Ordinal);
        await sim.Host.CommandAsync(SkstackCommands.WriteOption(SkstackDataFormat.Binary));
        sim.Host.UseFormat(SkstackDataFormat.Binary);
        await sim.ConfigureAsync();
        Assert.Equal(SkstackEventCode.PanaSucceeded, await sim.JoinAsync());

        var unplug = sim.Dongle.UnplugAsync(TimeSpan.FromMilliseconds(400), CancellationToken.None);

        var error = await sim.Host.Disconnected.WaitAsync(HostConnection.Timeout);
        Assert.Contains("disconnected", error.Message, StringComparison.Ordinal);
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.False(File.Exists(link));
        Assert.Throws<IOException>(() => SerialDevice.Open(link, SerialSettings.Default).Dispose());

        await unplug.WaitAsync(HostConnection.Timeout);
        var secondPty = new FileInfo(link).LinkTarget;
        Assert.StartsWith("/dev/pts/", secondPty, StringComparison.Ordinal);
        Assert.True(File.Exists(secondPty));
        await sim.ReconnectAsync();

        // Power-on state: echo is back, the session and the credentials are gone, the flash format stayed.
        await sim.Host.SendAsync(SkstackCommands.SkVer());
        Assert.Equal("SKVER", (await sim.Host.ExpectAsync<SkstackEcho>()).CommandLine);
        await sim.Host.ExpectAsync<SkstackOk>();
        Assert.Equal("00", (await sim.Host.CommandAsync(SkstackCommands.ReadOption())).Value);
        Assert.Equal("ER10", (await sim.Host.FailingCommandAsync(
            SkstackCommands.SkSendTo(sim.Dialect, 1, sim.MeterAddress, 0x0E1A, true, Frames.Get(1, 0xE7)))).ErrorCode);
        await sim.Host.CommandAsync(SkstackCommands.SkSetRegister("S2", "21"));
        await sim.Host.CommandAsync(SkstackCommands.SkSetRegister("S3", "8888"));
        Assert.Equal(SkstackEventCode.PanaFailed, await sim.JoinAsync());

        await sim.ConfigureAsync();
        Assert.Equal(SkstackEventCode.PanaSucceeded, await sim.JoinAsync());
        await sim.SendGetAsync(0x0202, 0xE7);
        await sim.AnswerAsync(0x0202);
        Assert.Equal(3, sim.Dongle.JoinCount);
    }

    [Fact]
    public async Task Unplug_WithoutLink_MovesDevicePathToTheNewPty()
    {
        await using var sim = await DongleHarness.StartAsync();

        await sim.Dongle.UnplugAsync(TimeSpan.Zero, CancellationToken.None);

        await sim.Host.Disconnected.WaitAsync(HostConnection.Timeout);
        await sim.ReconnectAsync();
        await sim.Host.SendAsync(SkstackCommands.SkVer());
        await sim.Host.ExpectAsync<SkstackVersion>();
    }

    [Fact]
    public async Task Dispose_RemovesTheLink()
    {
        var link = Path.Combine(directory.FullName, "wisun");
        var sim = await DongleHarness.StartAsync(o => o with { DevicePath = link });
        Assert.NotNull(new FileInfo(link).LinkTarget);

        await sim.DisposeAsync();

        Assert.Null(new FileInfo(link).LinkTarget);
    }

    public void Dispose() => directory.Delete(recursive: true);
}
