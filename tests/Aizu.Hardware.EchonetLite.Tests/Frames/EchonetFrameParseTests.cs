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

        var message = Refused(data);

        Assert.Contains($"2 trailing byte(s) after the last property at offset {data.Length - 2}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PdcPastEnd_NamesPdcEpcAndFrameLength()
    {
        byte[] data = Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 01 E7 0C 00 00 01 F8");

        var message = Refused(data);

        Assert.StartsWith("PDC 12 for EPC 0xE7 runs past the end of the 18-byte frame", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OpcCountsMorePropertiesThanPresent_Throws()
    {
        byte[] data = Hex.Bytes("10 81 00 01 02 88 01 05 FF 01 72 02 E7 04 00 00 01 F8");

        var message = Refused(data);

        Assert.StartsWith("Property 2 of 2 (OPC) needs EPC and PDC at offset 18, past the end of the 18-byte frame", message, StringComparison.Ordinal);
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
    [InlineData(0, 0x00, "EHD1 is 0x00; ECHONET Lite frames start with 0x10")]
    [InlineData(0, 0x80, "EHD1 is 0x80; ECHONET Lite frames start with 0x10")]
    [InlineData(0, 0x11, "EHD1 is 0x11; ECHONET Lite frames start with 0x10")]
    [InlineData(1, 0x01, "EHD2 is 0x01; expected 0x81")]
    [InlineData(10, 0x00, "ESV 0x00 is not an ECHONET Lite service code")]
    [InlineData(10, 0x54, "ESV 0x54 is not an ECHONET Lite service code")]
    [InlineData(10, 0x64, "ESV 0x64 is not an ECHONET Lite service code")]
    [InlineData(10, 0x70, "ESV 0x70 is not an ECHONET Lite service code")]
    [InlineData(10, 0xFF, "ESV 0xFF is not an ECHONET Lite service code")]
    public void Parse_AWrongHeaderByte_IsRefusedNamingIt(int index, byte value, string expected)
    {
        var message = Refused(Changed(GetResInstantaneousPower, index, value));

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ArbitraryMessageFormat_IsRejectedAsUnsupported()
    {
        byte[] data = Changed(GetResInstantaneousPower, 1, 0x82);

        var message = Refused(data);

        Assert.Contains("EHD2 is 0x82 (arbitrary message format)", message, StringComparison.Ordinal);
        Assert.Contains("only specified message format 1", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EchonetService.SetGet)]
    [InlineData(EchonetService.SetGet_Res)]
    [InlineData(EchonetService.SetGet_SNA)]
    public void Parse_SetGetFamilyWithoutOpcGet_Throws(EchonetService service)
    {
        byte[] data = Changed("10 81 00 01 05 FF 01 02 88 01 6E 01 E5 01 00", 10, (byte)service);

        var message = Refused(data);

        Assert.Contains("needs an OPCGet after the Set properties", message, StringComparison.Ordinal);
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

    /// <summary>Parse refuses <paramref name="data"/> and TryParse agrees; returns why.</summary>
    private static string Refused(byte[] data)
    {
        var exception = Assert.Throws<EchonetLiteFormatException>(() => EchonetFrame.Parse(data));
        Assert.False(EchonetFrame.TryParse(data, out _));
        return exception.Message;
    }

    /// <summary>The frame <paramref name="hex"/> with the byte at <paramref name="index"/> set to <paramref name="value"/>.</summary>
    private static byte[] Changed(string hex, int index, byte value)
    {
        byte[] data = Hex.Bytes(hex);
        data[index] = value;
        return data;
    }
}
