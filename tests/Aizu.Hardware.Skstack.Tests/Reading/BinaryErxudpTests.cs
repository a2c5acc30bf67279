using static Aizu.Hardware.Skstack.Tests.WireFeed;

namespace Aizu.Hardware.Skstack.Tests;

public sealed class BinaryErxudpTests
{
    private const string Meter = "FE80:0000:0000:0000:021C:6400:030C:12A4";
    private const string Host = "FE80:0000:0000:0000:021D:1291:0000:0574";

    private static readonly byte[] Payload = [0x10, 0x81, 0x0D, 0x0A, 0x0D, 0x20, 0x0A, 0x45, 0x56, 0x45, 0x4E, 0x54, 0x0D, 0x0A];

    [Theory]
    [InlineData(SkstackDialect.Bp35A1)]
    [InlineData(SkstackDialect.Bp35C0)]
    public void PayloadWithLineEnds_SplitAtEveryByte_IsReadByLength(SkstackDialect dialect)
    {
        var message = new SkstackUdpReceived(
            Meter, Host, 0x0E1A, 0x0E1A, "001C6400030C12A4", null, true, dialect == SkstackDialect.Bp35C0 ? 0 : null, Payload);
        byte[] bytes = [.. SkstackResponses.UdpReceived(dialect, SkstackDataFormat.Binary, message), .. "OK\r\n"u8];

        for (var at = 0; at <= bytes.Length; at++)
        {
            var messages = Read(new SkstackReader(dialect, SkstackDataFormat.Binary), SplitAt(bytes, at));
            Assert.Equal([message, new SkstackOk()], messages);
        }
    }

    [Fact]
    public void IncompleteData_WaitsWithoutConsuming()
    {
        var bytes = Ascii($"ERXUDP {Meter} {Host} 0E1A 0E1A 001C6400030C12A4 1 0 0005 12");
        var reader = new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary);
        var sequenceReader = new System.Buffers.SequenceReader<byte>(new System.Buffers.ReadOnlySequence<byte>(bytes));

        Assert.False(reader.TryRead(ref sequenceReader, out var message));
        Assert.Null(message);
        Assert.Equal(0, sequenceReader.Consumed);
    }

    [Fact]
    public void HexDataOnABinaryReader_IsAcceptedAtEverySplit()
    {
        // WOPT lives in flash, so a dongle may print hex although the driver expected binary.
        var bytes = Ascii($"ERXUDP {Meter} {Host} 0E1A 0E1A 001C6400030C12A4 1 0 0003 0D0A20\r\nOK\r\n");
        var expected = new SkstackUdpReceived(Meter, Host, 3610, 3610, "001C6400030C12A4", null, true, 0, new byte[] { 0x0D, 0x0A, 0x20 });

        for (var at = 0; at <= bytes.Length; at++)
        {
            Assert.Equal(
                [expected, new SkstackOk()],
                Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary), SplitAt(bytes, at)));
        }
    }

    [Fact]
    public void DataNotEndedAfterDatalen_IsReportedAndReadingResumes()
    {
        var bytes = Ascii($"ERXUDP {Meter} {Host} 0E1A 0E1A 001C6400030C12A4 1 0 0002 XYZ\r\nOK\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary), bytes);

        var unrecognized = Assert.IsType<SkstackUnrecognizedLine>(messages[0]);
        Assert.EndsWith("0002 XY", unrecognized.Text, StringComparison.Ordinal);
        Assert.Equal(new SkstackOk(), messages[^1]);
    }

    [Fact]
    public void ZeroLengthData_WithOrWithoutTrailingSpace()
    {
        var withSpace = Ascii($"ERXUDP {Meter} {Host} 0E1A 0E1A 001C6400030C12A4 1 0000 \r\n");
        var without = Ascii($"ERXUDP {Meter} {Host} 0E1A 0E1A 001C6400030C12A4 1 0000\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary), withSpace, without);

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.True(Assert.IsType<SkstackUdpReceived>(m).Data.IsEmpty));
    }

    [Fact]
    public void MalformedHeader_IsReported()
    {
        var bytes = Ascii($"ERXUDP {Meter} NOT-AN-ADDRESS 0E1A 0E1A 001C6400030C12A4 1 0 0002 AB\r\nOK\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.Binary), bytes);

        Assert.IsType<SkstackUnrecognizedLine>(messages[0]);
        Assert.Equal(new SkstackOk(), messages[^1]);
    }

    [Fact]
    public void HexReader_RejectsNonHexData()
    {
        var bytes = Ascii($"ERXUDP {Meter} {Host} 0E1A 0E1A 001C6400030C12A4 1 0 0002 ZZZZ\r\n");

        var messages = Read(new SkstackReader(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii), bytes);

        Assert.Equal("ERXUDP data does not match DATALEN as hexadecimal", Assert.IsType<SkstackUnrecognizedLine>(Assert.Single(messages)).Reason);
    }

    [Fact]
    public void DataFormat_CanBeSwitchedAfterWopt()
    {
        var reader = new SkstackReader(SkstackDialect.Bp35A1, SkstackDataFormat.Binary);
        var hexLine = Ascii($"ERXUDP {Meter} {Host} 0E1A 0E1A 001C6400030C12A4 1 0002 0D0A\r\n");

        reader.DataFormat = SkstackDataFormat.HexAscii;

        var message = Assert.IsType<SkstackUdpReceived>(Assert.Single(Read(reader, hexLine)));
        Assert.Equal(new byte[] { 0x0D, 0x0A }, message.Data.ToArray());
    }
}
