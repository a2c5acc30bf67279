using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

public sealed class GarbageTests
{
    [Theory]
    [InlineData("\u0001\u00FF\u0080noise", "non-printable bytes")]
    [InlineData("HELLO", "unknown line")]
    [InlineData("  Channel:21", "indented line outside an EPANDESC block")]
    [InlineData("EVENT ZZ FE80:0000:0000:0000:021D:1290:1234:5678", "EVENT without a hexadecimal number")]
    [InlineData("EVENT 21 FE80::1 00", "EVENT sender is not a full-form IPv6 address")]
    [InlineData("EVER", "EVER without a single version field")]
    [InlineData("ERXUDP FE80:0000:0000:0000:021D:1290:1234:5678", "ERXUDP without DATALEN")]
    public void GarbageLines_AreReportedAndTheStreamContinues(string garbage, string reason)
    {
        var bytes = Ascii(garbage + "\r\nOK\r\n");

        foreach (var format in new[] { SkstackDataFormat.Binary, SkstackDataFormat.HexAscii })
        {
            var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, format), bytes);

            Assert.Equal([new SkstackUnrecognizedLine(garbage, reason), new SkstackOk()], messages);
        }
    }

    [Fact]
    public void OverlongLine_IsCutIntoBoundedPiecesAtEverySplit()
    {
        var longLine = new string('A', (2 * SkstackReader.MaxLineLength) + 10);
        var bytes = Ascii(longLine + "\r\nOK\r\n");

        foreach (var at in new[] { 0, 1, 100, SkstackReader.MaxLineLength, SkstackReader.MaxLineLength + 1, bytes.Length - 3, bytes.Length })
        {
            var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), SplitAt(bytes, at));

            Assert.Equal(4, messages.Count);
            Assert.Equal("line too long", Assert.IsType<SkstackUnrecognizedLine>(messages[0]).Reason);
            Assert.Equal(SkstackReader.MaxLineLength, ((SkstackUnrecognizedLine)messages[0]).Text.Length);
            Assert.Equal("line too long", Assert.IsType<SkstackUnrecognizedLine>(messages[1]).Reason);
            Assert.Equal(new SkstackUnrecognizedLine("AAAAAAAAAA", "unknown line"), messages[2]);
            Assert.Equal(new SkstackOk(), messages[3]);
        }
    }

    [Fact]
    public void LineOfExactlyTheLimit_IsStillALine()
    {
        var line = "EAPPVER " + new string('x', SkstackReader.MaxLineLength - 8);

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), Ascii(line + "\r\n"));

        Assert.Equal([new SkstackInfoLine(line)], messages);
    }

    [Fact]
    public void UnterminatedShortLine_WaitsForMore()
    {
        Assert.Empty(Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), Ascii("EVENT 21 FE80")));
    }
}
