namespace Aizu.Hardware.Simulators.Tests.BRoute;

public sealed class CommandErrorTests
{
    [Fact]
    public async Task UnknownCommand_IsRefusedWithEr04()
    {
        await using var sim = await DongleHarness.StartAsync();

        Assert.Equal("ER04", (await sim.Host.FailingCommandAsync("SKFOO 1\r\n"u8.ToArray())).ErrorCode);
    }

    [Theory]
    [InlineData("SKSREG\r\n")]
    [InlineData("SKSREG S2 99\r\n")]
    [InlineData("SKJOIN FE80::1\r\n")]
    [InlineData("SKSETPWD 5 0123456789AB\r\n")]
    [InlineData("SKSCAN 2 FFFFFFFF 6 0\r\n")]
    public async Task MalformedCommand_IsRefusedWithEr06(string line)
    {
        await using var sim = await DongleHarness.StartAsync();

        Assert.Equal("ER06", (await sim.Host.FailingCommandAsync(System.Text.Encoding.ASCII.GetBytes(line))).ErrorCode);
    }

    [Fact]
    public async Task SendToInTheOtherDialectsLayout_IsRefusedWithEr06()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();
        await sim.JoinAsync();

        var fail = await sim.Host.FailingCommandAsync(
            SkstackCommands.SkSendTo(SkstackDialect.Bp35C0, 1, sim.MeterAddress, 0x0E1A, true, Frames.Get(1, 0xE7)));

        Assert.Equal("ER06", fail.ErrorCode);
    }

    [Fact]
    public async Task Echo_RepeatsCommandsUntilSfe0()
    {
        await using var sim = await DongleHarness.StartAsync();

        await sim.Host.CommandAsync(SkstackCommands.SkSetRegister("S3", "1234"));
        await sim.Host.CommandAsync(SkstackCommands.SkSetRegister("SFE", "0"));
        await sim.Host.SendAsync("SKSREG S3\r\n");
        await sim.Host.ExpectAsync<SkstackInfoLine>(l => l.Text == "ESREG 1234");
        await sim.Host.ExpectAsync<SkstackOk>();

        var echoes = sim.Host.Snapshot().OfType<SkstackEcho>().Select(e => e.CommandLine).ToList();
        Assert.Equal(["SKSREG S3 1234", "SKSREG SFE 0"], echoes);
    }

    [Fact]
    public async Task SendToBeforeJoin_IsRefusedWithEr10()
    {
        await using var sim = await DongleHarness.StartAsync();

        var fail = await sim.Host.FailingCommandAsync(
            SkstackCommands.SkSendTo(sim.Dialect, 1, sim.MeterAddress, 0x0E1A, true, Frames.Get(1, 0xE7)));

        Assert.Equal("ER10", fail.ErrorCode);
        Assert.Equal(0, sim.Dongle.SendToCount);
    }

    [Fact]
    public async Task JoinOnTheWrongChannel_FailsWithEvent24()
    {
        await using var sim = await DongleHarness.StartAsync();
        await sim.ConfigureAsync();
        await sim.Host.CommandAsync(SkstackCommands.SkSetRegister("S2", "22"));

        Assert.Equal(SkstackEventCode.PanaFailed, await sim.JoinAsync());
    }
}
