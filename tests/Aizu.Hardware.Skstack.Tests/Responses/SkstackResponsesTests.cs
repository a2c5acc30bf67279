using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

public sealed class SkstackResponsesTests
{
    private const string Meter = "FE80:0000:0000:0000:021D:1290:1234:5678";

    [Fact]
    public void GoldenBytes()
    {
        // smdn/Smdn.Net.SkStackIP tests (EVENT 21 … 00, EVER 1.2.10); u-one/go-el-controller BP35C2 emulator
        // (EVENT 21 … 0 00, EVENT 25 … 0); Zig BP35C0 driver (SKLL64 answer, FAIL ER10).
        Assert.Equal(Ascii("OK\r\n"), SkstackResponses.Ok());
        Assert.Equal(Ascii("FAIL ER10\r\n"), SkstackResponses.Fail("ER10"));
        Assert.Equal(Ascii("EVER 1.2.10\r\n"), SkstackResponses.Version("1.2.10"));
        Assert.Equal(Ascii($"EVENT 21 {Meter} 00\r\n"), SkstackResponses.Event(SkstackDialect.Bp35A1, SkstackEventCode.UdpSendCompleted, Meter, 0));
        Assert.Equal(Ascii($"EVENT 21 {Meter} 0 00\r\n"), SkstackResponses.Event(SkstackDialect.Bp35C0, SkstackEventCode.UdpSendCompleted, Meter, 0));
        Assert.Equal(Ascii($"EVENT 25 {Meter} 0\r\n"), SkstackResponses.Event(SkstackDialect.Bp35C0, SkstackEventCode.PanaSucceeded, Meter));
        Assert.Equal(Ascii($"{Meter}\r\n"), SkstackResponses.AddressLine(Meter));
        Assert.Equal(Ascii("SKVER\r\n"), SkstackResponses.Echo("SKVER"));
        Assert.Equal(Ascii("OK 01\r"), SkstackResponses.ReadOptionResult(SkstackDataFormat.HexAscii));
        Assert.Equal(
            Ascii("EPANDESC\r\n  Channel:21\r\n  Channel Page:09\r\n  Pan ID:8888\r\n  Addr:12345678ABCDEF01\r\n  LQI:E1\r\n  Side:0\r\n  PairID:AABBCCDD\r\n"),
            SkstackResponses.PanDescriptor(SkstackDialect.Bp35C0, new SkstackPanDescriptor(0x21, 0x09, 0x8888, "12345678ABCDEF01", 0xE1, "AABBCCDD")));
        Assert.Equal(
            Ascii($"ERXUDP {Meter} {Meter} 0E1A 0E1A 001D129012345678 1 0 0005 12345\r\n"),
            SkstackResponses.UdpReceived(
                SkstackDialect.Bp35C0,
                SkstackDataFormat.Binary,
                new SkstackUdpReceived(Meter, Meter, 3610, 3610, "001D129012345678", null, true, 0, Ascii("12345"))));
    }

    [Theory]
    [InlineData(SkstackDialect.Bp35A1)]
    [InlineData(SkstackDialect.Bp35C0)]
    public void EveryResponse_ReadsBackAsTheMessageItWasMadeFrom(SkstackDialect dialect)
    {
        int? side = dialect == SkstackDialect.Bp35C0 ? 0 : null;
        var pan = new SkstackPanDescriptor(0x3B, 0x09, 0x1234, "001D129012345678", 0x80, "0112CE67");
        var panWithoutPairId = pan with { PairId = null };
        var udp = new SkstackUdpReceived(Meter, "FF02:0000:0000:0000:0000:0000:0000:0001", 3610, 3610, "001D129012345678", null, true, side, new byte[] { 0x0D, 0x0A });
        byte[][] responses =
        [
            SkstackResponses.Echo("SKSCAN 2 FFFFFFFF 6"),
            SkstackResponses.Ok(),
            SkstackResponses.Event(dialect, SkstackEventCode.BeaconReceived, Meter),
            SkstackResponses.PanDescriptor(dialect, pan),
            SkstackResponses.Event(dialect, SkstackEventCode.BeaconReceived, Meter),
            SkstackResponses.PanDescriptor(dialect, panWithoutPairId),
            SkstackResponses.Event(dialect, SkstackEventCode.ActiveScanCompleted, Meter),
            SkstackResponses.AddressLine(Meter),
            SkstackResponses.Fail("ER06"),
            SkstackResponses.Version("1.2.10"),
            SkstackResponses.Event(dialect, SkstackEventCode.UdpSendCompleted, Meter, 0x02),
            SkstackResponses.UdpReceived(dialect, SkstackDataFormat.Binary, udp),
            SkstackResponses.Event(dialect, SkstackEventCode.SessionExpired, Meter),
            SkstackResponses.ReadOptionResult(SkstackDataFormat.Binary),
        ];
        SkstackMessage[] expected =
        [
            new SkstackEcho("SKSCAN 2 FFFFFFFF 6"),
            new SkstackOk(),
            new SkstackEvent(SkstackEventCode.BeaconReceived, Meter, side, null),
            pan,
            new SkstackEvent(SkstackEventCode.BeaconReceived, Meter, side, null),
            panWithoutPairId,
            new SkstackEvent(SkstackEventCode.ActiveScanCompleted, Meter, side, null),
            new SkstackAddressLine(Meter),
            new SkstackFail("ER06"),
            new SkstackVersion("1.2.10"),
            new SkstackEvent(SkstackEventCode.UdpSendCompleted, Meter, side, 0x02),
            udp,
            new SkstackEvent(SkstackEventCode.SessionExpired, Meter, side, null),
            new SkstackOk { Value = "00" },
        ];
        var bytes = responses.SelectMany(r => r).ToArray();

        for (var at = 0; at <= bytes.Length; at++)
        {
            Assert.Equal(expected, Read(new SkstackReader(dialect, SkstackDataFormat.Binary), SplitAt(bytes, at)));
        }
    }

    [Fact]
    public void UdpReceived_HexFormat_RoundTripsWithRssi()
    {
        var udp = new SkstackUdpReceived(Meter, Meter, 0x02CC, 0x02CC, "001D129012345678", -70, false, 1, new byte[] { 0x00, 0xFF });

        var bytes = SkstackResponses.UdpReceived(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii, udp);

        Assert.Equal(Ascii($"ERXUDP {Meter} {Meter} 02CC 02CC 001D129012345678 BA 0 1 0002 00FF\r\n"), bytes);
        Assert.Equal([udp], Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii), bytes));
    }

    [Fact]
    public void InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => SkstackResponses.Fail("ER 06"));
        Assert.Throws<ArgumentException>(() => SkstackResponses.Event(SkstackDialect.Bp35A1, SkstackEventCode.PanaFailed, "FE80::1"));
        Assert.Throws<ArgumentException>(() => SkstackResponses.AddressLine("not an address"));
        Assert.Throws<ArgumentException>(() => SkstackResponses.Echo("SKVER\r\nOK"));
        Assert.Throws<ArgumentException>(() => SkstackResponses.PanDescriptor(SkstackDialect.Bp35A1, new SkstackPanDescriptor(1, 1, 1, "XYZ", 1, null)));
    }
}
