using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

/// <summary>Command bytes against golden lines from public drivers (sources on each case).</summary>
public sealed class SkstackCommandsTests
{
    private const string Meter = "FE80:0000:0000:0000:021D:1290:1234:5678";

    public static TheoryData<string, byte[]> GoldenCommands() => new()
    {
        // Zig BP35C0 driver (bp35c0.zig) tests "SKSETPWD", "SKSETRBID", "SKSCAN", "SKLL64", "SKJOIN", "SKTERM".
        { "SKSETPWD C 0123456789AB\r\n", SkstackCommands.SkSetPassword("0123456789AB") },
        { "SKSETRBID 00112233445566778899AABBCCDDEEFF\r\n", SkstackCommands.SkSetRouteBId("00112233445566778899AABBCCDDEEFF") },
        { "SKSCAN 2 FFFFFFFF 6 0\r\n", SkstackCommands.SkScan(SkstackDialect.Bp35C0, 6) },
        { "SKLL64 001D129012345678\r\n", SkstackCommands.SkLl64("001D129012345678") },
        { $"SKJOIN {Meter}\r\n", SkstackCommands.SkJoin(Meter) },
        { "SKTERM\r\n", SkstackCommands.SkTerm() },

        // wisunBp35xx Python driver: a BP35A1 gets SKSCAN without SIDE.
        { "SKSCAN 2 FFFFFFFF 6\r\n", SkstackCommands.SkScan(SkstackDialect.Bp35A1, 6) },
        { "SKSCAN 2 FFFFFFFF E\r\n", SkstackCommands.SkScan(SkstackDialect.Bp35A1, 14) },

        // u-one/go-el-controller RL7023 tests: "SKSREG S2 21", "SKSREG S3 0002"; echo off as in the Zig driver's init.
        { "SKSREG S2 21\r\n", SkstackCommands.SkSetRegister("S2", "21") },
        { "SKSREG S3 0002\r\n", SkstackCommands.SkSetRegister("S3", "0002") },
        { "SKSREG SFE 0\r\n", SkstackCommands.SkSetRegister("SFE", "0") },
        { "SKVER\r\n", SkstackCommands.SkVer() },
        { "SKRESET\r\n", SkstackCommands.SkReset() },

        // smdn/Smdn.Net.SkStackIP tests/Smdn.Devices.BP35XX/.../BP35A1.Commands.cs: bare CR after WOPT/ROPT.
        { "WOPT 01\r", SkstackCommands.WriteOption(SkstackDataFormat.HexAscii) },
        { "WOPT 00\r", SkstackCommands.WriteOption(SkstackDataFormat.Binary) },
        { "ROPT\r", SkstackCommands.ReadOption() },
    };

    [Theory]
    [MemberData(nameof(GoldenCommands))]
    public void Command_MatchesGoldenBytes(string expected, byte[] actual) => Assert.Equal(Ascii(expected), actual);

    [Fact]
    public void SendTo_Bp35C0_MatchesZigDriverTest()
    {
        // Zig BP35C0 driver test "SKSENDTO": no CRLF after the data.
        var bytes = SkstackCommands.SkSendTo(SkstackDialect.Bp35C0, 1, Meter, 3610, true, "12345"u8);

        Assert.Equal(Ascii($"SKSENDTO 1 {Meter} 0E1A 1 0 0005 12345"), bytes);
    }

    [Fact]
    public void SendTo_Bp35A1_HasNoSide()
    {
        // wisunBp35xx Python driver: "SKSENDTO 1 {addr} 0E1A 1 {len:04X} " on a BP35A1.
        var bytes = SkstackCommands.SkSendTo(SkstackDialect.Bp35A1, 1, Meter, 3610, false, [0x10, 0x81, 0x0D, 0x0A]);

        Assert.Equal([.. Ascii($"SKSENDTO 1 {Meter} 0E1A 0 0004 "), 0x10, 0x81, 0x0D, 0x0A], bytes);
    }

    [Fact]
    public void LowerCaseHex_IsNormalised()
    {
        Assert.Equal(Ascii("SKLL64 001D12901234ABCD\r\n"), SkstackCommands.SkLl64("001d12901234abcd"));
        Assert.Equal(Ascii($"SKJOIN {Meter}\r\n"), SkstackCommands.SkJoin(Meter.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("123456789012345678901234567890123")]
    [InlineData("pässword")]
    public void SetPassword_RejectsBadPasswords(string password) =>
        Assert.Equal("password", Assert.Throws<ArgumentException>(() => SkstackCommands.SkSetPassword(password)).ParamName);

    [Theory]
    [InlineData("0011223344556677889900AABBCCDDEEF")]
    [InlineData("00112233445566778899AABBCCDDEEFF0")]
    [InlineData("00112233445566778899AABBCCDDEE-F")]
    public void SetRouteBId_RejectsBadIds(string id) =>
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => SkstackCommands.SkSetRouteBId(id)).ParamName);

    [Fact]
    public void SetRouteBId_AcceptsNonHexLetters()
    {
        // B-route IDs are alphanumeric, not only hexadecimal (u-one/go-el-controller RL7023 tests use
        // "000000TESTID00000000000000000000").
        Assert.Equal(
            Ascii("SKSETRBID 000000TESTID00000000000000000000\r\n"),
            SkstackCommands.SkSetRouteBId("000000TESTID00000000000000000000"));
    }

    [Fact]
    public void InvalidArguments_NameTheProblem()
    {
        Assert.Equal("mac", Assert.Throws<ArgumentException>(() => SkstackCommands.SkLl64("001D1290")).ParamName);
        Assert.Equal("ipv6", Assert.Throws<ArgumentException>(() => SkstackCommands.SkJoin("FE80::1")).ParamName);
        Assert.Equal("register", Assert.Throws<ArgumentException>(() => SkstackCommands.SkSetRegister("X2", "21")).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => SkstackCommands.SkSetRegister("S2", "2 1")).ParamName);
        Assert.Equal("durationExponent", Assert.Throws<ArgumentOutOfRangeException>(() => SkstackCommands.SkScan(SkstackDialect.Bp35A1, 15)).ParamName);
        Assert.Equal("handle", Assert.Throws<ArgumentOutOfRangeException>(() => SkstackCommands.SkSendTo(SkstackDialect.Bp35A1, 0, Meter, 1, true, [1])).ParamName);
        Assert.Equal("ipv6", Assert.Throws<ArgumentException>(() => SkstackCommands.SkSendTo(SkstackDialect.Bp35A1, 1, "FE80::1", 1, true, [1])).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => SkstackCommands.SkSendTo(SkstackDialect.Bp35A1, 1, Meter, 1, true, [])).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => SkstackCommands.SkSendTo(SkstackDialect.Bp35A1, 1, Meter, 1, true, new byte[0x4D1])).ParamName);
    }
}
