namespace Aizu.Hardware.Simulators.Tests.BRoute;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task WrongPassword_FailsTheJoinWithEvent24()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync(password: "WRONGPASSWRD");

        Assert.Equal(SkstackEventCode.PanaFailed, await sim.JoinAsync());
        Assert.Equal("ER10", (await sim.Host.FailingCommandAsync(
            SkstackCommands.SkSendTo(sim.Dialect, 1, sim.MeterAddress, 0x0E1A, true, Frames.Get(1, 0xE7)))).ErrorCode);
        Assert.Equal(1, sim.Dongle.JoinCount);
    }

    [Fact]
    public async Task FailNextJoins_FailsThatManyJoinsThenLetsTheNextSucceed()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();
        sim.Dongle.FailNextJoins(2);

        Assert.Equal(SkstackEventCode.PanaFailed, await sim.JoinAsync());
        Assert.Equal(SkstackEventCode.PanaFailed, await sim.JoinAsync());
        Assert.Equal(SkstackEventCode.PanaSucceeded, await sim.JoinAsync());
        Assert.Equal(3, sim.Dongle.JoinCount);
    }

    [Fact]
    public async Task ExpireSession_PrintsEvent29ThenReauthenticatesWithEvent25()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();
        await sim.JoinAsync();

        sim.Dongle.ExpireSession();

        var expired = await sim.Host.ExpectAsync<SkstackEvent>(e => e.Code is SkstackEventCode.SessionExpired);
        Assert.Equal(sim.MeterAddress, expired.Sender);
        await sim.Host.ExpectEventAsync(SkstackEventCode.PanaSucceeded);
        await sim.SendGetAsync(7, SmartMeterEpc.InstantaneousPower);
        await sim.AnswerAsync(7);
    }

    [Fact]
    public async Task ExpireSession_WhileJoinsFail_EndsTheSessionWithEvent24()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();
        await sim.JoinAsync();
        sim.Dongle.FailNextJoins(1);

        sim.Dongle.ExpireSession();

        await sim.Host.ExpectEventAsync(SkstackEventCode.SessionExpired);
        await sim.Host.ExpectEventAsync(SkstackEventCode.PanaFailed);
        Assert.Equal("ER10", (await sim.Host.FailingCommandAsync(
            SkstackCommands.SkSendTo(sim.Dialect, 1, sim.MeterAddress, 0x0E1A, true, Frames.Get(1, 0xE7)))).ErrorCode);
        Assert.Equal(SkstackEventCode.PanaSucceeded, await sim.JoinAsync());
    }

    [Fact]
    public async Task SilentMeter_AcceptsTheDatagramButNeverAnswers()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();
        await sim.JoinAsync();

        sim.Dongle.SetMeterSilent(true);
        await sim.SendGetAsync(0x0101, SmartMeterEpc.InstantaneousPower);
        sim.Dongle.SetMeterSilent(false);
        await sim.SendGetAsync(0x0102, SmartMeterEpc.InstantaneousPower);
        await sim.AnswerAsync(0x0102);
        await sim.SendGetAsync(0x0103, SmartMeterEpc.InstantaneousPower);
        await sim.AnswerAsync(0x0103);

        // Both later answers came, each after at least the delay the first one would have had: it is never coming.
        Assert.DoesNotContain(sim.Host.Snapshot(), m => m is SkstackUdpReceived { RemotePort: 0x0E1A } u
            && Frames.Decode(u.Data.Span) is { Tid: 0x0101 });
        Assert.Equal(3, sim.Dongle.SendToCount);
        await Eventually.TrueAsync(() => sim.Dongle.FramesAnswered == 2, "both answers are counted");
    }

    [Fact]
    public async Task SendGarbage_ReachesTheHostAsAnUnrecognisedLine()
    {
        await using var sim = await DongleHarness.StartAsync();

        sim.Dongle.SendGarbage("\x01\x7F\xFEnoise\r\n"u8);

        var garbage = await sim.Host.ExpectAsync<SkstackUnrecognizedLine>();
        Assert.Contains("noise", garbage.Text, StringComparison.Ordinal);
        await sim.Host.SendAsync(SkstackCommands.SkVer());
        await sim.Host.ExpectAsync<SkstackVersion>();
    }

    [Fact]
    public async Task UnsupportedEpc_IsAnsweredWithGetSnaThroughTheDongle()
    {
        await using var sim = await DongleHarness.StartAsync(o => o with { DataFormat = SkstackDataFormat.Binary });
        await sim.ConfigureAsync();
        await sim.JoinAsync();

        await sim.SendGetAsync(0x0A0A, SmartMeterEpc.InstantaneousPower, 0xF3);

        var answer = Frames.Decode((await sim.AnswerAsync(0x0A0A)).Data.Span);
        Assert.Equal(EchonetService.Get_SNA, answer.Service);
        Assert.Empty(answer.Edt(0xF3));
        Assert.Equal(4, answer.Edt(SmartMeterEpc.InstantaneousPower).Length);
    }
}
