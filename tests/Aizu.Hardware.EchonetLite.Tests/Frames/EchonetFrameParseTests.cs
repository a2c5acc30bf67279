using Aizu.Hardware.EchonetLite.SmartMeter;
using Aizu.Hardware.EchonetLite.Tests.TestData;

namespace Aizu.Hardware.EchonetLite.Tests.Frames;

public sealed class EchonetFrameParseTests
{
    // E7 = 52 W, E0 = 12017, E3 = 22966 (the shape of a combined B-route poll).
    private const string GetResWithThreeProperties =
        "10 81 00 01 02 88 01 05 FF 01 72 03 E7 04 00 00 00 34 E0 04 00 00 2E F1 E3 04 00 00 59 B6";

    // SetGet_Res: Set list accepted (E5, PDC 0), Get list answered (E7 = 504 W).
    private const string SetGetRes =
        "10 81 00 07 02 88 01 05 FF 01 7E 01 E5 00 01 E7 04 00 00 01 F8";

    private const string GetResInstantaneousPower = "10 81 00 01 02 88 01 05 FF 01 72 01 E7 04 00 00 01 F8";

    public static TheoryData<string> ValidFrames =>
    [
        GetResWithThreeProperties,
        SetGetRes,
        GetResInstantaneousPower,
        "10 81 00 01 05 FF 01 02 88 01 62 01 E7 00",
        "10 81 00 02 05 FF 01 02 88 01 6E 00 00",
    ];

    [Fact]
    public void Parse_GetResWithThreeProperties_ReturnsAllValues()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes(GetResWithThreeProperties));

        Assert.Equal(3, frame.Properties.Count);
        var properties = FrameSpec.Collect(frame.Properties);
        Assert.Equal("E7:00000034 E0:00002EF1 E3:000059B6", string.Join(' ', properties.Select(p => p.ToString())));
        Assert.True(SmartMeterCodec.TryDecodeInstantaneousPower(properties[0].Edt, out int watts));
        Assert.Equal(52, watts);
        Assert.True(SmartMeterCodec.TryDecodeCumulative(properties[1].Edt, out uint normal));
        Assert.Equal(12017u, normal);
        Assert.True(SmartMeterCodec.TryDecodeCumulative(properties[2].Edt, out uint reverse));
        Assert.Equal(22966u, reverse);
    }

    [Fact]
    public void Parse_SetGetRes_SplitsSetAndGetLists()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes(SetGetRes));

        Assert.Equal(EchonetService.SetGet_Res, frame.Service);
        Assert.Equal("E5:", string.Join(' ', FrameSpec.Collect(frame.Properties).Select(p => p.ToString())));
        Assert.Equal("E7:000001F8", string.Join(' ', FrameSpec.Collect(frame.SecondProperties).Select(p => p.ToString())));
    }

    [Fact]
    public void Parse_SetGetWithBothListsEmpty_IsValid()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes("10 81 00 02 05 FF 01 02 88 01 6E 00 00"));

        Assert.Equal(0, frame.Properties.Count);
        Assert.Equal(0, frame.SecondProperties.Count);
    }

    [Fact]
    public void Parse_OpcZero_GivesEmptyList()
    {
        var frame = EchonetFrame.Parse(Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 00"));

        Assert.True(frame.Properties.IsEmpty);
        Assert.True(frame.SecondProperties.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(ValidFrames))]
    public void Parse_EveryTruncation_ThrowsFormatExceptionAndTryParseFails(string hex)
    {
        byte[] data = Hex.Bytes(hex);

        for (int length = 0; length < data.Length; length++)
        {
            byte[] truncated = data[..length];
            Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(truncated));
            Assert.False(EchonetFrame.TryParse(truncated, out _), $"TryParse accepted the first {length} bytes");
        }

        Assert.True(EchonetFrame.TryParse(data, out _));
    }

    [Theory]
    [MemberData(nameof(ValidFrames))]
    public void Parse_TrailingBytes_ThrowsWithCountAndOffset(string hex)
    {
        byte[] data = [.. Hex.Bytes(hex), 0x00, 0xFF];

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.Contains($"2 trailing byte(s) after the last property at offset {data.Length - 2}", exception.Message, StringComparison.Ordinal);
        Assert.False(EchonetFrame.TryParse(data, out _));
    }

    [Fact]
    public void Parse_PdcPastEnd_NamesPdcEpcAndFrameLength()
    {
        byte[] data = Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 01 E7 0C 00 00 01 F8");

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.StartsWith("PDC 12 for EPC 0xE7 runs past the end of the 18-byte frame", exception.Message, StringComparison.Ordinal);
        Assert.False(EchonetFrame.TryParse(data, out _));
    }

    [Fact]
    public void Parse_OpcCountsMorePropertiesThanPresent_Throws()
    {
        byte[] data = Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 02 E7 04 00 00 01 F8");

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.StartsWith("Property 2 of 2 (OPC) needs EPC and PDC at offset 18, past the end of the 18-byte frame", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooShortForHeader_SaysWhatIsMissing()
    {
        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(Hex.Bytes("10 81 00 01 05")));

        Assert.StartsWith("ECHONET Lite frame is 5 bytes long; format 1 needs at least 12", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyInput_Throws()
    {
        Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse([]));
        Assert.False(EchonetFrame.TryParse([], out _));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x80)]
    [InlineData(0x11)]
    public void Parse_WrongEhd1_Throws(byte ehd1)
    {
        byte[] data = Hex.Bytes(GetResInstantaneousPower);
        data[0] = ehd1;

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.StartsWith($"EHD1 is 0x{ehd1:X2}; ECHONET Lite frames start with 0x10", exception.Message, StringComparison.Ordinal);
        Assert.False(EchonetFrame.TryParse(data, out _));
    }

    [Fact]
    public void Parse_ArbitraryMessageFormat_IsRejectedAsUnsupported()
    {
        byte[] data = Hex.Bytes(GetResInstantaneousPower);
        data[1] = 0x82;

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.Contains("EHD2 is 0x82 (arbitrary message format)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("only specified message format 1", exception.Message, StringComparison.Ordinal);
        Assert.False(EchonetFrame.TryParse(data, out _));
    }

    [Fact]
    public void Parse_UnknownEhd2_Throws()
    {
        byte[] data = Hex.Bytes(GetResInstantaneousPower);
        data[1] = 0x01;

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.StartsWith("EHD2 is 0x01; expected 0x81", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x54)]
    [InlineData(0x64)]
    [InlineData(0x70)]
    [InlineData(0xFF)]
    public void Parse_UnknownEsv_Throws(byte esv)
    {
        byte[] data = Hex.Bytes(GetResInstantaneousPower);
        data[10] = esv;

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.StartsWith($"ESV 0x{esv:X2} is not an ECHONET Lite service code", exception.Message, StringComparison.Ordinal);
        Assert.False(EchonetFrame.TryParse(data, out _));
    }

    [Theory]
    [InlineData(EchonetService.SetGet)]
    [InlineData(EchonetService.SetGet_Res)]
    [InlineData(EchonetService.SetGet_SNA)]
    public void Parse_SetGetFamilyWithoutOpcGet_Throws(EchonetService service)
    {
        byte[] data = Hex.Bytes("10 81 00 01 05 FF 01 02 88 01 6E 01 E5 01 00");
        data[10] = (byte)service;

        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));

        Assert.Contains("needs an OPCGet after the Set properties", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GetWithSecondListBytes_TreatsThemAsTrailing()
    {
        byte[] data = Hex.Bytes("10 81 00 01 05 FF 01 02 88 01 62 01 E7 00 01 E8 00");

        Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));
    }

    [Fact]
    public void Parse_EdtIsAViewIntoTheInput()
    {
        byte[] data = Hex.Bytes(GetResInstantaneousPower);
        var frame = EchonetFrame.Parse(data);
        Assert.True(frame.Properties.TryFind(SmartMeterEpc.InstantaneousPower, out var edt));

        data[^1] = 0xF9;

        Assert.Equal(0xF9, edt[^1]);
    }

    [Fact]
    public void TryParse_Malformed_ReturnsDefaultFrame()
    {
        Assert.False(EchonetFrame.TryParse(Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 02 E7 00"), out var frame));

        Assert.Equal(0, frame.Tid);
        Assert.True(frame.Properties.IsEmpty);
    }
}
