using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

public sealed class SkstackCommandReaderTests
{
    private const string Meter = "FE80:0000:0000:0000:021D:1290:1234:5678";

    [Theory]
    [InlineData(SkstackDialect.Bp35A1)]
    [InlineData(SkstackDialect.Bp35C0)]
    public void EveryCommand_RoundTripsThroughTheSimulatorReader_AtEverySplit(SkstackDialect dialect)
    {
        byte[] payload = [0x10, 0x81, 0x00, 0x01, 0x0D, 0x0A, 0x20, 0x0D];
        byte[][] commands =
        [
            SkstackCommands.SkVer(),
            SkstackCommands.SkSetRegister("SFE", "0"),
            SkstackCommands.SkSetPassword("0123456789AB"),
            SkstackCommands.SkSetRouteBId("00112233445566778899AABBCCDDEEFF"),
            SkstackCommands.SkScan(dialect, 6),
            SkstackCommands.SkLl64("12345678ABCDEF01"),
            SkstackCommands.SkSetRegister("S2", "21"),
            SkstackCommands.SkJoin(Meter),
            SkstackCommands.SkSendTo(dialect, 1, Meter, 0x0E1A, true, payload),
            SkstackCommands.WriteOption(SkstackDataFormat.HexAscii),
            SkstackCommands.ReadOption(),
            SkstackCommands.SkTerm(),
        ];
        var scanArguments = dialect == SkstackDialect.Bp35C0 ? new[] { "2", "FFFFFFFF", "6", "0" } : ["2", "FFFFFFFF", "6"];
        SkstackCommand[] expected =
        [
            new SkstackTextCommand("SKVER", []),
            new SkstackTextCommand("SKSREG", ["SFE", "0"]),
            new SkstackTextCommand("SKSETPWD", ["C", "0123456789AB"]),
            new SkstackTextCommand("SKSETRBID", ["00112233445566778899AABBCCDDEEFF"]),
            new SkstackTextCommand("SKSCAN", scanArguments),
            new SkstackTextCommand("SKLL64", ["12345678ABCDEF01"]),
            new SkstackTextCommand("SKSREG", ["S2", "21"]),
            new SkstackTextCommand("SKJOIN", [Meter]),
            new SkstackSendToCommand(1, Meter, 0x0E1A, true, dialect == SkstackDialect.Bp35C0 ? 0 : null, payload),
            new SkstackTextCommand("WOPT", ["01"]),
            new SkstackTextCommand("ROPT", []),
            new SkstackTextCommand("SKTERM", []),
        ];
        var bytes = commands.SelectMany(c => c).ToArray();

        for (var at = 0; at <= bytes.Length; at++)
        {
            Assert.Equal(expected, Read(new SkstackCommandReader(dialect), SplitAt(bytes, at)));
        }
    }

    [Fact]
    public void SendTo_FromZigDriverTest_FollowedByAnotherCommand()
    {
        var bytes = Ascii($"SKSENDTO 1 {Meter} 0E1A 1 0 0005 12345SKTERM\r\n");

        var commands = Read(new SkstackCommandReader(SkstackDialect.Bp35C0), bytes);

        Assert.Equal(
            [new SkstackSendToCommand(1, Meter, 3610, true, 0, Ascii("12345")), new SkstackTextCommand("SKTERM", [])],
            commands);
    }

    [Fact]
    public void SendTo_WithCrLfAddedByTheHost_IsTolerated()
    {
        // Some drivers append CRLF after the data (u-one/go-el-controller bp35c2_client.go); it reads as an empty line.
        var bytes = Ascii($"SKSENDTO 1 {Meter} 0E1A 1 0 0002 AB\r\nSKVER\r\n");

        var commands = Read(new SkstackCommandReader(SkstackDialect.Bp35C0), bytes);

        Assert.Equal(2, commands.Count);
        Assert.IsType<SkstackSendToCommand>(commands[0]);
    }

    [Fact]
    public void SendTo_OfTheOtherDialect_IsMalformed()
    {
        var c0Layout = Ascii($"SKSENDTO 1 {Meter} 0E1A 1 0 0005 12345");
        var a1Layout = Ascii($"SKSENDTO 1 {Meter} 0E1A 1 0005 12345");

        var onA1 = Read(new SkstackCommandReader(SkstackDialect.Bp35A1), c0Layout);
        var onC0 = Read(new SkstackCommandReader(SkstackDialect.Bp35C0), a1Layout);

        Assert.Equal("SKSENDTO has a SIDE field, which a BP35A1 does not take", Assert.IsType<SkstackMalformedCommand>(onA1[0]).Reason);
        Assert.StartsWith("SKSENDTO SIDE must be 0 or 1", Assert.IsType<SkstackMalformedCommand>(onC0[0]).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SKSENDTO 7 " + Meter + " 0E1A 1 0005 12345", "SKSENDTO HANDLE must be 1-6")]
    [InlineData("SKSENDTO 1 FE80::1 0E1A 1 0005 12345", "SKSENDTO IPADDR is not a full-form IPv6 address")]
    [InlineData("SKSENDTO 1 " + Meter + " E1A 1 0005 12345", "SKSENDTO PORT must be 4 hexadecimal digits")]
    [InlineData("SKSENDTO 1 " + Meter + " 0E1A 3 0005 12345", "SKSENDTO SEC must be 0, 1 or 2")]
    [InlineData("SKSENDTO 1 " + Meter + " 0E1A 1 0000 ", "SKSENDTO DATALEN out of range")]
    [InlineData("SKSENDTO 1 " + Meter + " 0E1A 1 04D1 ", "SKSENDTO DATALEN out of range")]
    [InlineData("SKSENDTO 1 " + Meter + " 0E1A 1\r\n", "SKSENDTO header ended before its data")]
    [InlineData("SKSCAN 2 FFFFFFFF 6 0\r\n", "SKSCAN needs MODE MASK DURATION on a BP35A1")]
    [InlineData("SKSCAN 2 FFFF 6\r\n", "SKSCAN channel mask must be 8 hexadecimal digits")]
    [InlineData("SKSETPWD C 0123\r\n", "SKSETPWD length does not match the password")]
    [InlineData("SKSETRBID 0011\r\n", "SKSETRBID needs one 32-character ID")]
    [InlineData("SKLL64\r\n", "SKLL64 needs one 16-digit MAC address")]
    [InlineData("SKJOIN FE80::1\r\n", "SKJOIN needs one full-form IPv6 address")]
    [InlineData("SKVER 1\r\n", "SKVER takes no arguments")]
    [InlineData("WOPT 100\r", "WOPT needs one hexadecimal byte")]
    [InlineData("SK\u0001VER\r\n", "non-printable bytes")]
    public void MalformedInput_BecomesMalformedCommand(string input, string reason)
    {
        var commands = Read(new SkstackCommandReader(SkstackDialect.Bp35A1), Ascii(input));

        Assert.Equal(reason, Assert.IsType<SkstackMalformedCommand>(commands[0]).Reason);
    }

    [Fact]
    public void UnknownCommands_PassThroughForTheSimulatorToRefuse()
    {
        var commands = Read(new SkstackCommandReader(SkstackDialect.Bp35A1), Ascii("SKPING FE80:0000:0000:0000:0000:0000:0000:0001\r\n"));

        Assert.Equal([new SkstackTextCommand("SKPING", ["FE80:0000:0000:0000:0000:0000:0000:0001"])], commands);
    }

    [Fact]
    public void OverlongLine_IsMalformedAndBounded()
    {
        var bytes = Ascii(new string('S', SkstackReader.MaxLineLength + 5) + "\r\nSKVER\r\n");

        var commands = Read(new SkstackCommandReader(SkstackDialect.Bp35A1), bytes);

        Assert.Equal("line too long", Assert.IsType<SkstackMalformedCommand>(commands[0]).Reason);
        Assert.Equal(new SkstackTextCommand("SKVER", []), commands[^1]);
    }

    [Fact]
    public void PartialSendTo_WaitsForItsData()
    {
        Assert.Empty(Read(new SkstackCommandReader(SkstackDialect.Bp35C0), Ascii($"SKSENDTO 1 {Meter} 0E1A 1 0 0005 123")));
        Assert.Empty(Read(new SkstackCommandReader(SkstackDialect.Bp35C0), Ascii("SKSEN")));
    }
}
