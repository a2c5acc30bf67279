namespace Aizu.Hardware.Simulators.Tests.BRoute;

public sealed class FullSessionTests
{
    [Theory]
    [InlineData(SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii)]
    [InlineData(SkstackDialect.Bp35A1, SkstackDataFormat.Binary)]
    [InlineData(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii)]
    [InlineData(SkstackDialect.Bp35C0, SkstackDataFormat.Binary)]
    public async Task ScanLl64JoinAndGet_GivesADecodableAnswerWithPlausiblePower(SkstackDialect dialect, SkstackDataFormat format)
    {
        // Start from the other format so the driver has to switch it with WOPT, as on a dongle fresh from the shop.
        var initial = format == SkstackDataFormat.HexAscii ? SkstackDataFormat.Binary : SkstackDataFormat.HexAscii;
        await using var sim = await DongleHarness.StartAsync(o => o with { Dialect = dialect, DataFormat = initial });
        var host = sim.Host;

        await host.SendAsync(SkstackCommands.SkVer());
        Assert.Equal("SKVER", (await host.ExpectAsync<SkstackEcho>()).CommandLine);
        Assert.Equal(dialect == SkstackDialect.Bp35A1 ? "1.2.10" : "1.0.0", (await host.ExpectAsync<SkstackVersion>()).Version);
        await host.ExpectAsync<SkstackOk>();

        await host.CommandAsync(SkstackCommands.SkSetRegister("SFE", "0"));
        Assert.Equal(initial == SkstackDataFormat.HexAscii ? "01" : "00", (await host.CommandAsync(SkstackCommands.ReadOption())).Value);
        await host.CommandAsync(SkstackCommands.WriteOption(format));
        host.UseFormat(format);
        Assert.Equal(format == SkstackDataFormat.HexAscii ? "01" : "00", (await host.CommandAsync(SkstackCommands.ReadOption())).Value);
        await host.CommandAsync(SkstackCommands.SkSetPassword(sim.Options.Password));
        await host.CommandAsync(SkstackCommands.SkSetRouteBId(sim.Options.RouteBId));

        await host.CommandAsync(SkstackCommands.SkScan(dialect, 6));
        var beacon = await host.ExpectEventAsync(SkstackEventCode.BeaconReceived);
        var pan = await host.ExpectAsync<SkstackPanDescriptor>();
        await host.ExpectEventAsync(SkstackEventCode.ActiveScanCompleted);
        Assert.Equal(sim.MeterAddress, beacon.Sender);
        Assert.Equal(new SkstackPanDescriptor(0x21, 0x09, 0x8888, "001D129012345678", pan.Lqi, "CCDDEEFF"), pan);

        await host.SendAsync(SkstackCommands.SkLl64(pan.MacAddress));
        var address = (await host.ExpectAsync<SkstackAddressLine>()).Address;
        Assert.Equal("FE80:0000:0000:0000:021D:1290:1234:5678", address);
        await host.CommandAsync(SkstackCommands.SkSetRegister("S2", pan.Channel.ToString("X2", CultureInfo.InvariantCulture)));
        await host.CommandAsync(SkstackCommands.SkSetRegister("S3", pan.PanId.ToString("X4", CultureInfo.InvariantCulture)));

        await host.CommandAsync(SkstackCommands.SkJoin(address));
        var joined = await host.ExpectAsync<SkstackEvent>(e => e.Code is SkstackEventCode.PanaSucceeded or SkstackEventCode.PanaFailed);
        Assert.Equal(SkstackEventCode.PanaSucceeded, joined.Code);
        Assert.Equal(address, joined.Sender);
        Assert.Equal(dialect == SkstackDialect.Bp35C0 ? 0 : null, joined.Side);

        await host.SendAsync(SkstackCommands.SkSendTo(dialect, 1, address, 0x0E1A, true, Frames.Get(0x1234, SmartMeterEpc.InstantaneousPower)));
        var sent = await host.ExpectEventAsync(SkstackEventCode.UdpSendCompleted);
        Assert.Equal((byte)0x00, sent.Parameter);
        await host.ExpectAsync<SkstackOk>();
        var received = await sim.AnswerAsync(0x1234);
        var measuredAt = sim.Meter.Now;

        Assert.Equal(address, received.Sender);
        Assert.Equal((ushort)0x0E1A, received.RemotePort);
        Assert.Equal((ushort)0x0E1A, received.LocalPort);
        Assert.Equal("001D129012345678", received.SenderLinkLayerAddress);
        Assert.True(received.Secured);
        Assert.Equal(dialect == SkstackDialect.Bp35C0 ? 0 : null, received.Side);
        var answer = Frames.Decode(received.Data.Span);
        Assert.Equal(EchonetService.Get_Res, answer.Service);
        Assert.Equal(EchonetObject.SmartElectricEnergyMeter, answer.Source);
        Assert.Equal(EchonetObject.Controller, answer.Destination);
        Assert.True(SmartMeterCodec.TryDecodeInstantaneousPower(answer.Edt(SmartMeterEpc.InstantaneousPower), out var watts));
        var expected = sim.Profile.PowerWatts(measuredAt);
        Assert.InRange(watts, (expected * 0.9) - 30, (expected * 1.1) + 30);

        await Eventually.TrueAsync(() => sim.Dongle.FramesAnswered == 1, "the answer is counted");
        Assert.Equal((1, 1, 1), (sim.Dongle.ScanCount, sim.Dongle.JoinCount, sim.Dongle.SendToCount));
    }

    [Fact]
    public async Task Join_IsFollowedByPanaTrafficAndTheMetersInstanceList()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();

        Assert.Equal(SkstackEventCode.PanaSucceeded, await sim.JoinAsync());
        var instanceList = await sim.Host.ExpectAsync<SkstackUdpReceived>(m => m.RemotePort == 0x0E1A);

        var messages = sim.Host.Snapshot();
        Assert.Contains(messages, m => m is SkstackUdpReceived { RemotePort: 0x02CC, Secured: false });
        Assert.Contains(messages, m => m is SkstackEvent { Code: SkstackEventCode.NeighborAdvertisement });
        var frame = Frames.Decode(instanceList.Data.Span);
        Assert.Equal(EchonetService.Inf, frame.Service);
        Assert.Equal(EchonetObject.NodeProfile, frame.Source);
        Assert.Equal(new byte[] { 0x01, 0x02, 0x88, 0x01 }, frame.Edt(0xD5));
    }

    [Fact]
    public async Task Terminate_EndsTheSessionWithEvent27()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();
        await sim.JoinAsync();

        await sim.Host.CommandAsync(SkstackCommands.SkTerm());
        await sim.Host.ExpectEventAsync(SkstackEventCode.SessionTerminated);

        Assert.Equal("ER10", (await sim.Host.FailingCommandAsync(
            SkstackCommands.SkSendTo(sim.Dialect, 1, sim.MeterAddress, 0x0E1A, true, Frames.Get(1, 0xE7)))).ErrorCode);
    }

    [Fact]
    public async Task BRouteSimulation_StartsADongleReadyOnItsDevicePath()
    {
        await using var dongle = await BRouteSimulation.StartAsync(
            new SimulatedDongleOptions { LatencyScale = DongleHarness.FastLatency }, TimeProvider.System, null, CancellationToken.None);
        await using var host = HostConnection.Open(dongle.DevicePath, SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii);

        await host.SendAsync(SkstackCommands.SkVer());

        Assert.Equal("1.2.10", (await host.ExpectAsync<SkstackVersion>()).Version);
    }

    [Fact]
    public async Task HostClosingAndReopeningTheDevice_FindsTheDongleStillAnswering()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.Host.SendAsync(SkstackCommands.SkVer());
        await sim.Host.ExpectAsync<SkstackOk>();

        await sim.ReconnectAsync();
        await sim.Host.SendAsync(SkstackCommands.SkVer());

        await sim.Host.ExpectAsync<SkstackVersion>();
        await sim.Host.ExpectAsync<SkstackOk>();
    }
}
