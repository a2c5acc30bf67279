namespace Aizu.Hardware.Simulators.Tests.BRoute;

public sealed class NotificationTests
{
    [Fact]
    public async Task AfterEachHalfHour_TheMeterAnnouncesItsFixedTimeReadingAsErxudp()
    {
        // 10:17 Japan time; with no simulated latency nothing waits for the fake clock except the half hour.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 8, 6, 1, 17, 0, TimeSpan.Zero));
        await using var sim = await DongleHarness.StartAsync(o => o with { LatencyScale = 0 }, clock);
        await sim.ConfigureAsync();
        Assert.Equal(SkstackEventCode.PanaSucceeded, await sim.JoinAsync());
        await sim.Host.ExpectAsync<SkstackUdpReceived>(m => Frames.Decode(m.Data.Span).Source == EchonetObject.NodeProfile);

        clock.Advance(TimeSpan.FromMinutes(14));
        var notification = await sim.Host.ExpectAsync<SkstackUdpReceived>(m => m.RemotePort == 0x0E1A);

        var frame = Frames.Decode(notification.Data.Span);
        Assert.Equal(EchonetService.Inf, frame.Service);
        Assert.True(SmartMeterCodec.TryDecodeFixedTimeCumulative(frame.Edt(SmartMeterEpc.FixedTimeNormal), out var reading));
        var boundary = new DateTime(2025, 8, 6, 10, 30, 0);
        Assert.Equal(boundary, reading.MeterLocalTime);
        Assert.Equal(sim.Meter.ImportRegisterAt(boundary), reading.Raw);
    }
}
