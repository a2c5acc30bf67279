using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

/// <summary>
/// Lines as real dongles and public drivers print them. Sources are named on each case; the lines are facts about
/// the wire format, quoted so a regression is measured against what hardware does.
/// </summary>
public sealed class GoldenLineTests
{
    private const string MeterA = "FE80:0000:0000:0000:021D:1290:1234:5679";
    private const string HostA = "FE80:0000:0000:0000:021D:1290:1234:5678";

    [Fact]
    public void Bp35A1_BinaryErxudp_FromSmdnTests()
    {
        // smdn/Smdn.Net.SkStackIP tests/.../SkStackClient.Events.4.1.ERXUDP.cs (UdpReceiveAsync)
        var line = $"ERXUDP {MeterA} {HostA} 0E1A 0E1A 001D129012345679 0 0008 01234567\r\n";

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), Ascii(line));

        var expected = new SkstackUdpReceived(
            MeterA, HostA, 0x0E1A, 0x0E1A, "001D129012345679", null, false, null, Ascii("01234567"));
        Assert.Equal([expected], messages);
    }

    [Fact]
    public void Bp35A1_HexErxudp_FromSmdnTests()
    {
        // smdn/Smdn.Net.SkStackIP tests/.../SkStackClient.Events.4.1.ERXUDP.cs (UdpReceiveAsync_DataFormat_HexASCIIText)
        var line = $"ERXUDP {MeterA} {HostA} 0E1A 0E1A 001D129012345679 0 0008 0123456789ABCDEF\r\n";

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii), Ascii(line));

        var message = Assert.IsType<SkstackUdpReceived>(Assert.Single(messages));
        Assert.Equal(new byte[] { 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF }, message.Data.ToArray());
        Assert.Null(message.Side);
        Assert.Null(message.Rssi);
    }

    [Fact]
    public void Bp35A1_BinaryErxudpWhosePayloadIsCrLf_FromSmdnTests()
    {
        // smdn/Smdn.Net.SkStackIP: UdpReceiveAsync_IncompleteLine_DataEndsWithCRLF_EndOfLineDelayed
        var head = Ascii($"ERXUDP {MeterA} {HostA} 0E1A 0E1A 001D129012345679 0 0002 \r\n");

        var reader = new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary);
        var messages = Read(reader, head, Ascii("\r"), Ascii("\n"));

        var message = Assert.IsType<SkstackUdpReceived>(Assert.Single(messages));
        Assert.Equal("\r\n"u8.ToArray(), message.Data.ToArray());
    }

    [Fact]
    public void Bp35A1_MeterReadingAsHex_FromPublicScript()
    {
        // Smart-meter answer quoted in a public Python B-route script (comment "こういうレスポンスが戻ってくる").
        const string line = "ERXUDP FE80:0000:0000:0000:021C:6400:0364:831F FE80:0000:0000:0000:1207:23FF:FEA0:7898 "
            + "0E1A 0E1A 001C64000364831F 1 001E 1081000102880105FF017203E7040000055EE80400000082E00400052155\r\n";

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii), Ascii(line));

        var message = Assert.IsType<SkstackUdpReceived>(Assert.Single(messages));
        Assert.True(message.Secured);
        Assert.Equal(0x1E, message.Data.Length);
        Assert.Equal(new byte[] { 0x10, 0x81 }, message.Data[..2].ToArray());
    }

    [Fact]
    public void Bp35C0_HexErxudpWithSide_FromRl7023Tests()
    {
        // u-one/go-el-controller wisun/ RL7023 client tests (Test_RL7023_Send)
        const string line = "ERXUDP FE80:0000:0000:0000:021C:6400:030C:12A4 FE80:0000:0000:0000:021D:1291:0000:0574 "
            + "0E1A 0E1A 001C6400030C12A4 1 0 0012 1081000102880105FF017201E704000001F8\r\n";

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii), Ascii(line));

        var expected = new SkstackUdpReceived(
            "FE80:0000:0000:0000:021C:6400:030C:12A4",
            "FE80:0000:0000:0000:021D:1291:0000:0574",
            0x0E1A,
            0x0E1A,
            "001C6400030C12A4",
            null,
            true,
            0,
            new byte[] { 0x10, 0x81, 0x00, 0x01, 0x02, 0x88, 0x01, 0x05, 0xFF, 0x01, 0x72, 0x01, 0xE7, 0x04, 0x00, 0x00, 0x01, 0xF8 });
        Assert.Equal([expected], messages);
    }

    [Fact]
    public void Bp35C0_PanaErxudp_FromRl7023Tests()
    {
        // u-one/go-el-controller wisun/ RL7023 client tests (Test_RL7023_Join): PANA traffic on port 02CC, unsecured.
        const string line = "ERXUDP 2001:0DB8:0000:0000:011A:1111:0000:0002 2001:0DB8:0000:0000:011A:1111:0000:0001 "
            + "02CC 02CC 001C6400030C12A4 0 0 0054 00000054800000021C2FF4B1D1A295AA00020000003B0000015B003B2F808A7F842B"
            + "D41B4C0902258E791A8FF605914DA6E50C90EDE8ACC05E035979BA4A00000000C639CE0D16CC74349C8F6DF9FF9D6EA1D200\r\n";

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii), Ascii(line));

        var message = Assert.IsType<SkstackUdpReceived>(Assert.Single(messages));
        Assert.Equal(((ushort)716, (ushort)716, false, (int?)0, 0x54), (message.RemotePort, message.LocalPort, message.Secured, message.Side, message.Data.Length));
    }

    [Fact]
    public void HexErxudp_WhoseDataDoesNotMatchDatalen_IsReported()
    {
        // The same RL7023 test file has a line claiming 0x28 bytes but carrying 18; a reader must not guess.
        const string line = "ERXUDP 2001:0DB8:0000:0000:011A:1111:0000:0002 2001:0DB8:0000:0000:011A:1111:0000:0001 "
            + "02CC 02CC 001A111100000002 0 0 0028 108100000EF0010EF0017301D50401028801\r\nOK\r\n";

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii), Ascii(line));

        var unrecognized = Assert.IsType<SkstackUnrecognizedLine>(messages[0]);
        Assert.Contains("DATALEN", unrecognized.Reason, StringComparison.Ordinal);
        Assert.Equal(new SkstackOk(), messages[1]);
    }

    [Fact]
    public void Bp35C0_BinaryErxudp_FromZigDriverTest()
    {
        // Zig BP35C0 driver (bp35c0.zig), test "ERXUDP"
        var line = $"ERXUDP {HostA} {HostA} 0E1A 0E1A 001D129012345678 1 0 0005 12345\r\n";

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary), Ascii(line));

        var expected = new SkstackUdpReceived(HostA, HostA, 3610, 3610, "001D129012345678", null, true, 0, Ascii("12345"));
        Assert.Equal([expected], messages);
    }

    [Theory]
    [InlineData(SkstackDialect.Bp35A1)]
    [InlineData(SkstackDialect.Bp35C0)]
    public void Erxudp_OfTheOtherDialect_IsParsedByFieldCount(SkstackDialect dialect)
    {
        var a1 = Ascii($"ERXUDP {MeterA} {HostA} 0E1A 0E1A 001D129012345679 1 0002 AB\r\n");
        var c0 = Ascii($"ERXUDP {MeterA} {HostA} 0E1A 0E1A 001D129012345679 1 1 0002 CD\r\n");
        var c0WithRssi = Ascii($"ERXUDP {MeterA} {HostA} 0E1A 0E1A 001D129012345679 BA 1 0 0002 EF\r\n");
        var c0WithDecimalRssi = Ascii($"ERXUDP {MeterA} {HostA} 0E1A 0E1A 001D129012345679 -70 1 0 0002 GH\r\n");

        var messages = Read(new SkstackReader(dialect, SkstackDataFormat.Binary), a1, c0, c0WithRssi, c0WithDecimalRssi)
            .Cast<SkstackUdpReceived>()
            .ToList();

        Assert.Equal(4, messages.Count);
        Assert.Equal((null, null, "AB"), (messages[0].Rssi, messages[0].Side, Latin1(messages[0].Data)));
        Assert.Equal((null, 1, "CD"), (messages[1].Rssi, messages[1].Side, Latin1(messages[1].Data)));
        Assert.Equal(((sbyte?)-70, 0, "EF"), (messages[2].Rssi, messages[2].Side, Latin1(messages[2].Data)));
        Assert.Equal(((sbyte?)-70, 0, "GH"), (messages[3].Rssi, messages[3].Side, Latin1(messages[3].Data)));
    }

    [Fact]
    public void Events_Bp35A1_FromSmdnTests()
    {
        // smdn/Smdn.Net.SkStackIP tests: UdpReceiveAsync_NoUdpPacketReceived_EVENTReceived
        var bytes = Ascii($"EVENT 21 {HostA} 00\r\nEVENT 33 {HostA}\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), bytes);

        Assert.Equal(
            [
                new SkstackEvent(SkstackEventCode.UdpSendCompleted, HostA, null, 0x00),
                new SkstackEvent(SkstackEventCode.TransmissionLimitOff, HostA, null, null),
            ],
            messages);
    }

    [Fact]
    public void Events_Bp35C0_FromRl7023TestsAndZigDriver()
    {
        // u-one/go-el-controller wisun/ RL7023 tests (EVENT 21/25/22 with SIDE); Zig BP35C0 driver test "EVENT" (1F).
        const string sender = "2001:0DB8:0000:0000:011A:1111:0000:0002";
        var bytes = Ascii(
            $"EVENT 21 {sender} 0 00\r\nEVENT 25 {sender} 0\r\nEVENT 22 {sender} 0\r\n"
            + "EVENT 1F FE80:0000:0000:0000:021D:1290:0003:C890 0\r\nEVENT 29 " + sender + " 0\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii), bytes);

        Assert.Equal(
            [
                new SkstackEvent(SkstackEventCode.UdpSendCompleted, sender, 0, 0x00),
                new SkstackEvent(SkstackEventCode.PanaSucceeded, sender, 0, null),
                new SkstackEvent(SkstackEventCode.ActiveScanCompleted, sender, 0, null),
                new SkstackEvent(SkstackEventCode.EnergyDetectScanCompleted, "FE80:0000:0000:0000:021D:1290:0003:C890", 0, null),
                new SkstackEvent(SkstackEventCode.SessionExpired, sender, 0, null),
            ],
            messages);
    }

    [Fact]
    public void Event_UnknownNumberAndMissingSender_ArePassedThrough()
    {
        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), Ascii("EVENT C0\r\nEVENT 45 " + HostA + "\r\n"));

        Assert.Equal(
            [
                new SkstackEvent(SkstackEventCode.WakeupSignalReceived, string.Empty, null, null),
                new SkstackEvent((SkstackEventCode)0x45, HostA, null, null),
            ],
            messages);
    }

    [Fact]
    public void StatusAndInformationLines_FromSmdnBp35A1Tests()
    {
        // smdn/Smdn.Net.SkStackIP tests/Smdn.Devices.BP35XX/.../BP35A1.Commands.cs (device start-up sequence)
        var bytes = Ascii(
            "SKVER\r\nEVER 1.2.10\r\nOK\r\nEAPPVER pseudo-BP35A1\r\nOK\r\n"
            + "EINFO FE80:0000:0000:0000:021D:1290:1234:5678 001D129012345678 21 8888 FFFE\r\nOK 00\r"
            + "FAIL ER10\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), bytes);

        Assert.Equal(
            [
                new SkstackEcho("SKVER"),
                new SkstackVersion("1.2.10"),
                new SkstackOk(),
                new SkstackInfoLine("EAPPVER pseudo-BP35A1"),
                new SkstackOk(),
                new SkstackInfoLine("EINFO FE80:0000:0000:0000:021D:1290:1234:5678 001D129012345678 21 8888 FFFE"),
                new SkstackOk { Value = "00" },
                new SkstackFail("ER10"),
            ],
            messages);
    }

    [Fact]
    public void Ll64Answer_IsAnAddressLine_FromZigDriverTest()
    {
        // Zig BP35C0 driver test "SKLL64"; the answer is not followed by OK (wisunBp35xx Python driver).
        var messages = Read(
            new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary),
            Ascii("SKLL64 001D129012345678\r\nFE80:0000:0000:0000:021D:1290:1234:5678\r\n"));

        Assert.Equal(
            [new SkstackEcho("SKLL64 001D129012345678"), new SkstackAddressLine("FE80:0000:0000:0000:021D:1290:1234:5678")],
            messages);
    }

    [Theory]
    [InlineData("ER04", "command not supported")]
    [InlineData("ER05", "invalid argument")]
    [InlineData("ER06", "invalid format or out of range")]
    [InlineData("ER09", "UART input error")]
    [InlineData("ER10", "execution failed")]
    [InlineData("ER01", "reserved error code")]
    [InlineData("ER99", "unknown error code")]
    public void FailCodes_AreDescribed(string code, string description)
    {
        // Error table of the BP35A1/BP35C0 command references, as listed in the Zig BP35C0 driver (ErrorCode).
        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary), Ascii($"FAIL {code}\r\n"));

        var fail = Assert.IsType<SkstackFail>(Assert.Single(messages));
        Assert.Equal(code, fail.ErrorCode);
        Assert.Equal(description, fail.Description);
    }

    [Fact]
    public void LineEnds_CrLfBareLfAndBareCr_AreAllAccepted()
    {
        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), Ascii("OK\r\nOK\nOK 01\r\r\n\nOK\r"));

        Assert.Equal([new SkstackOk(), new SkstackOk(), new SkstackOk { Value = "01" }, new SkstackOk()], messages);
    }

    private static string Latin1(ReadOnlyMemory<byte> data) => System.Text.Encoding.Latin1.GetString(data.Span);
}
