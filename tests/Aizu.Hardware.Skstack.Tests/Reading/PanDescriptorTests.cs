using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

public sealed class PanDescriptorTests
{
    private const string Beacon = "FE80:0000:0000:0000:1234:5678:ABCD:EF01";

    // A scan as a BP35C0 prints it: EVENT 20, the EPANDESC block of the Zig BP35C0 driver's test "EPANDESC"
    // (bp35c0.zig), then EVENT 22.
    private static readonly string Bp35C0Scan =
        $"OK\r\nEVENT 20 {Beacon} 0\r\nEPANDESC\r\n  Channel:21\r\n  Channel Page:09\r\n  Pan ID:8888\r\n"
        + $"  Addr:12345678ABCDEF01\r\n  LQI:E1\r\n  Side:0\r\n  PairID:AABBCCDD\r\nEVENT 22 {Beacon} 0\r\n";

    private static readonly SkstackPanDescriptor ZigPan = new(0x21, 0x09, 0x8888, "12345678ABCDEF01", 0xE1, "AABBCCDD");

    [Fact]
    public void Bp35C0Block_SplitAtEveryByte_GivesTheSameMessages()
    {
        var bytes = Ascii(Bp35C0Scan);
        SkstackMessage[] expected =
        [
            new SkstackOk(),
            new SkstackEvent(SkstackEventCode.BeaconReceived, Beacon, 0, null),
            ZigPan,
            new SkstackEvent(SkstackEventCode.ActiveScanCompleted, Beacon, 0, null),
        ];

        for (var at = 0; at <= bytes.Length; at++)
        {
            var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary), SplitAt(bytes, at));
            Assert.Equal(expected, messages);
        }
    }

    [Fact]
    public void Rl7023Block_FromGoElController()
    {
        // u-one/go-el-controller wisun/ RL7023 tests (Test_RL7023_receivePanDesc)
        var bytes = Ascii(
            "EPANDESC\r\n  Channel:21\r\n  Channel Page:01\r\n  Pan ID:0002\r\n  Addr:001A111100000002\r\n"
            + "  LQI:CA\r\n  Side:0\r\n  PairID:0112CE67\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii), bytes);

        Assert.Equal([new SkstackPanDescriptor(0x21, 0x01, 0x0002, "001A111100000002", 0xCA, "0112CE67")], messages);
    }

    [Fact]
    public void SingleSpaceIndentation_FromBp35C2Emulator_IsAccepted()
    {
        // u-one/go-el-controller wisun/bp35c2_emulator.go indents with one space.
        var bytes = Ascii(
            "EPANDESC\r\n Channel:21\r\n Channel Page:09\r\n Pan ID:8888\r\n Addr:12345678ABCDEF01\r\n LQI:E1\r\n"
            + " Side:0\r\n PairID:AABBCCDD\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary), bytes);

        Assert.Equal([ZigPan], messages);
    }

    [Fact]
    public void BlockWithoutPairId_EndsAtTheNextLine_AtEverySplit()
    {
        // SKSCAN mode 3 (no IE) prints no PairID (smdn SkStackEventParser.cs, expectPairingId: false), so only
        // the next unindented line shows that the block is over.
        var bytes = Ascii(
            "EPANDESC\r\n  Channel:3B\r\n  Channel Page:09\r\n  Pan ID:1234\r\n  Addr:001D129012345678\r\n"
            + "  LQI:40\r\nEVENT 22 " + Beacon + "\r\n");
        SkstackMessage[] expected =
        [
            new SkstackPanDescriptor(0x3B, 0x09, 0x1234, "001D129012345678", 0x40, null),
            new SkstackEvent(SkstackEventCode.ActiveScanCompleted, Beacon, null, null),
        ];

        for (var at = 0; at <= bytes.Length; at++)
        {
            Assert.Equal(expected, Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), SplitAt(bytes, at)));
        }
    }

    [Fact]
    public void TruncatedBlock_IsReportedAndTheNextLineStillRead()
    {
        var bytes = Ascii("EPANDESC\r\n  Channel:21\r\n  Pan ID:8888\r\nOK\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), bytes);

        Assert.Equal(2, messages.Count);
        var unrecognized = Assert.IsType<SkstackUnrecognizedLine>(messages[0]);
        Assert.Equal("EPANDESC block is incomplete", unrecognized.Reason);
        Assert.Equal(new SkstackOk(), messages[1]);
    }

    [Fact]
    public void MalformedValue_IsReported()
    {
        var bytes = Ascii(
            "EPANDESC\r\n  Channel:XYZ\r\n  Channel Page:09\r\n  Pan ID:8888\r\n  Addr:12345678ABCDEF01\r\n"
            + "  LQI:E1\r\n  PairID:AABBCCDD\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), bytes);

        var unrecognized = Assert.IsType<SkstackUnrecognizedLine>(Assert.Single(messages));
        Assert.Equal("EPANDESC Channel is malformed", unrecognized.Reason);
        Assert.StartsWith("EPANDESC\n  Channel:XYZ", unrecognized.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EndlessIndentedLines_AreCutOff()
    {
        var bytes = Ascii("EPANDESC\r\n" + string.Concat(Enumerable.Repeat("  Unknown:1\r\n", 40)) + "OK\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), bytes);

        Assert.Equal("EPANDESC block has too many lines", Assert.IsType<SkstackUnrecognizedLine>(messages[0]).Reason);
        Assert.Equal(new SkstackOk(), messages[^1]);
        Assert.All(messages.Skip(1).SkipLast(1), m => Assert.IsType<SkstackUnrecognizedLine>(m));
    }

    [Fact]
    public void Reset_DropsAHalfReadBlock()
    {
        var reader = new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary);
        Assert.Empty(Read(reader, Ascii("EPANDESC\r\n  Channel:21\r\n")));

        reader.Reset();

        Assert.Equal([new SkstackOk()], Read(reader, Ascii("OK\r\n")));
    }
}
