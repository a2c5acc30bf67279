namespace Aizu.Hardware.Sml.Tests;

public sealed class ParserTests
{
    public static TheoryData<string> Captures => [RealFiles.Dzg, RealFiles.Holley, RealFiles.Ebz];

    [Fact]
    public void Crc16X25_OfTheStandardCheckString_Is0x906E()
    {
        Assert.Equal(0x906E, SmlCrc16.Compute("123456789"u8));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void RealFrame_TransportCrcAgrees_AndTheFileHasOpenListAndClose(string hex)
    {
        var file = SmlFileParser.ParseFrame(RealFiles.Bytes(hex));

        Assert.Equal(3, file.Messages.Count);
        Assert.IsType<SmlOpenResponse>(file.Messages[0].Body);
        Assert.IsType<SmlGetListResponse>(file.Messages[1].Body);
        Assert.IsType<SmlCloseResponse>(file.Messages[2].Body);
        Assert.Contains(file.Entries, e => e.Obis is { } o && o.IsElectricity(1, 8, 0));
    }

    [Fact]
    public void Holley_ValuesWithUnitsAndScalers()
    {
        var entries = SmlFileParser.ParseFrame(RealFiles.Bytes(RealFiles.Holley)).Entries.ToDictionary(e => e.Obis!.Value.ToString());

        var import = entries["1-0:1.8.0*255"];
        Assert.Equal(SmlUnits.WattHour, import.Unit);
        Assert.Equal((sbyte)-1, import.Scaler);
        Assert.Equal(4499896.2m, import.ScaledValue);
        Assert.Equal(0m, entries["1-0:2.8.0*255"].ScaledValue);
        var power = entries["1-0:16.7.0*255"];
        Assert.Equal(SmlUnits.Watt, power.Unit);
        Assert.Equal(137m, power.ScaledValue);
        Assert.Equal(234.4m, entries["1-0:32.7.0*255"].ScaledValue);
        Assert.Equal(SmlUnits.Volt, entries["1-0:32.7.0*255"].Unit);
        Assert.Equal(0.41m, entries["1-0:31.7.0*255"].ScaledValue);
        Assert.Equal(SmlUnits.Ampere, entries["1-0:31.7.0*255"].Unit);
    }

    [Fact]
    public void Ebz_SixtyFourBitRegisters_AndSignedPower()
    {
        var entries = SmlFileParser.ParseFrame(RealFiles.Bytes(RealFiles.Ebz)).Entries.Where(e => e.Obis is not null).ToDictionary(e => e.Obis!.Value.ToString());

        Assert.Equal(450091.89911m, entries["1-0:1.8.0*255"].ScaledValue);
        Assert.Equal(352.89m, entries["1-0:16.7.0*255"].ScaledValue);
        Assert.Equal("\"EBZ\"", entries["129-129:199.130.3*255"].Value.ToString());
    }

    [Fact]
    public void MessageCrcs_AreReportedButNotEnforced()
    {
        // DZG and Holley compute message CRCs as the standard says; this EBZ meter does not for two of its three.
        Assert.All(SmlFileParser.ParseFrame(RealFiles.Bytes(RealFiles.Holley)).Messages, m => Assert.True(m.CrcMatches));
        Assert.Contains(SmlFileParser.ParseFrame(RealFiles.Bytes(RealFiles.Ebz)).Messages, m => !m.CrcMatches);
    }

    [Fact]
    public void WrongTransportCrc_IsRejected()
    {
        var bytes = RealFiles.Bytes(RealFiles.Dzg);
        bytes[^1] ^= 0x01;

        var ex = Assert.Throws<SmlFormatException>(() => SmlFileParser.ParseFrame(bytes));
        Assert.Equal(SmlErrorKind.ChecksumMismatch, ex.Kind);
        Assert.Contains("CRC mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedValueUnderTheOldCrc_IsRejected()
    {
        var bytes = RealFiles.Bytes(RealFiles.Holley);
        bytes[200] ^= 0x10;

        Assert.Equal(SmlErrorKind.ChecksumMismatch, Assert.Throws<SmlFormatException>(() => SmlFileParser.ParseFrame(bytes)).Kind);
    }

    [Fact]
    public void TruncatedFrame_IsRejectedAsTruncated()
    {
        var bytes = RealFiles.Bytes(RealFiles.Holley)[..120];

        Assert.False(SmlFileParser.TryParseFrame(bytes, out var file, out var error));
        Assert.Null(file);
        Assert.Equal(SmlErrorKind.Truncated, error.Kind);
        Assert.Contains("cut off", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedFileInsideAValidFrame_IsRejectedAsTruncated()
    {
        var payload = SmlTransport.Unwrap(RealFiles.Bytes(RealFiles.Holley));
        var rewrapped = SmlTransport.Wrap(payload.AsSpan(0, payload.Length - 40));

        Assert.Equal(SmlErrorKind.Truncated, Assert.Throws<SmlFormatException>(() => SmlFileParser.ParseFrame(rewrapped)).Kind);
    }

    [Fact]
    public void Wrap_ThenUnwrap_GivesTheFileBack_EvenWithEscapesInTheData()
    {
        byte[] file = [0x76, 0x1B, 0x1B, 0x1B, 0x1B, 0x1B, 0x1B, 0x1B, 0x1B, 0x00, 0x42];

        var frame = SmlTransport.Wrap(file);

        Assert.Equal(0, frame.Length % 4);
        Assert.Equal(file, SmlTransport.Unwrap(frame));
    }

    [Fact]
    public void RealFrame_UnwrapThenWrap_ReproducesTheMetersBytes()
    {
        var bytes = RealFiles.Bytes(RealFiles.Holley);
        Assert.Equal(bytes, SmlTransport.Wrap(SmlTransport.Unwrap(bytes)));
    }
}
