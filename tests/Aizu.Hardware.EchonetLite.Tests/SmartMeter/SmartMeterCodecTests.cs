namespace Aizu.Hardware.EchonetLite.Tests.SmartMeter;

public sealed class SmartMeterCodecTests
{
    // -- 0xE7 --

    [Theory]
    [InlineData("000001F8", 504)]
    [InlineData("00000000", 0)]
    [InlineData("FFFFFCB8", -840)]
    [InlineData("7FFFFFFD", 2_147_483_645)]
    [InlineData("80000001", -2_147_483_647)]
    public void TryDecodeInstantaneousPower_Reading_ReturnsSignedWatts(string edt, int expected)
    {
        Assert.True(SmartMeterCodec.TryDecodeInstantaneousPower(Hex.Bytes(edt), out int watts));
        Assert.Equal(expected, watts);
    }

    [Theory]
    [InlineData("7FFFFFFE")]
    [InlineData("7FFFFFFF")]
    [InlineData("80000000")]
    public void TryDecodeInstantaneousPower_Sentinel_ReturnsFalse(string edt)
    {
        Assert.False(SmartMeterCodec.TryDecodeInstantaneousPower(Hex.Bytes(edt), out int watts));
        Assert.Equal(0, watts);
    }

    [Fact]
    public void TryDecodeInstantaneousPower_WrongPdc_ThrowsNamingPdcAndEpc()
    {
        var exception = Assert.Throws<EchonetLiteFormatException>(() =>
            SmartMeterCodec.TryDecodeInstantaneousPower(Hex.Bytes("0001F8"), out _));

        Assert.Equal("PDC 3 for EPC 0xE7 is wrong; its EDT is 4 byte(s)", exception.Message);
    }

    [Fact]
    public void EncodeInstantaneousPower_Sentinel_IsWrittenForTheSimulator()
    {
        var buffer = new byte[4];

        Assert.Equal(4, SmartMeterCodec.EncodeInstantaneousPower(buffer, SmartMeterCodec.NoDataPower));
        Assert.Equal("7FFFFFFE", Hex.Of(buffer));
    }

    // -- 0xE8 --

    [Theory]
    [InlineData("00620022", 9.8, 3.4)]
    [InlineData("001E0032", 3.0, 5.0)]
    [InlineData("FFF60000", -1.0, 0.0)]
    [InlineData("7FFD8001", 3276.5, -3276.7)]
    public void TryDecodeInstantaneousCurrent_TwoPhases_ReturnsAmperes(string edt, double r, double t)
    {
        Assert.True(SmartMeterCodec.TryDecodeInstantaneousCurrent(Hex.Bytes(edt), out var current));
        Assert.Equal(new InstantaneousCurrent(r, t), current);
    }

    [Theory]
    [InlineData("00147FFE")]
    [InlineData("00147FFF")]
    [InlineData("00148000")]
    public void TryDecodeInstantaneousCurrent_TPhaseWithoutReading_GivesNullT(string edt)
    {
        Assert.True(SmartMeterCodec.TryDecodeInstantaneousCurrent(Hex.Bytes(edt), out var current));
        Assert.Equal(new InstantaneousCurrent(2.0, null), current);
    }

    [Theory]
    [InlineData("7FFE0014")]
    [InlineData("7FFF0014")]
    [InlineData("80000014")]
    [InlineData("7FFE7FFE")]
    public void TryDecodeInstantaneousCurrent_RPhaseSentinel_ReturnsFalse(string edt)
    {
        Assert.False(SmartMeterCodec.TryDecodeInstantaneousCurrent(Hex.Bytes(edt), out var current));
        Assert.Equal(default, current);
    }

    [Fact]
    public void EncodeInstantaneousCurrent_SinglePhase_WritesNoDataForT()
    {
        var buffer = new byte[4];

        SmartMeterCodec.EncodeInstantaneousCurrent(buffer, 2.04, null);

        Assert.Equal("00147FFE", Hex.Of(buffer));
    }

    [Theory]
    [InlineData(3276.6)]
    [InlineData(-3276.8)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void EncodeInstantaneousCurrent_OutOfRange_Throws(double amperes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartMeterCodec.EncodeInstantaneousCurrent(new byte[4], amperes, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartMeterCodec.EncodeInstantaneousCurrent(new byte[4], 0, amperes));
    }

    // -- 0xE0 / 0xE3 --

    [Theory]
    [InlineData("00000000", 0u)]
    [InlineData("00002EF1", 12017u)]
    [InlineData("05F5E0FF", 99_999_999u)]
    public void TryDecodeCumulative_Reading_ReturnsRaw(string edt, uint expected)
    {
        Assert.True(SmartMeterCodec.TryDecodeCumulative(Hex.Bytes(edt), out uint raw));
        Assert.Equal(expected, raw);
    }

    [Theory]
    [InlineData("FFFFFFFE")]
    [InlineData("05F5E100")]
    [InlineData("FFFFFFFF")]
    public void TryDecodeCumulative_NoDataOrBeyondEightDigits_ReturnsFalse(string edt)
    {
        Assert.False(SmartMeterCodec.TryDecodeCumulative(Hex.Bytes(edt), out uint raw));
        Assert.Equal(0u, raw);
    }

    [Fact]
    public void TryDecodeCumulative_WrongPdc_Throws()
    {
        var exception = Assert.Throws<EchonetLiteFormatException>(() =>
            SmartMeterCodec.TryDecodeCumulative(Hex.Bytes("0000002EF1"), out _));

        Assert.Equal("PDC 5 for EPC 0xE0/0xE3 is wrong; its EDT is 4 byte(s)", exception.Message);
    }

    // -- 0xE1 --

    [Theory]
    [InlineData(0x00, "1")]
    [InlineData(0x01, "0.1")]
    [InlineData(0x02, "0.01")]
    [InlineData(0x03, "0.001")]
    [InlineData(0x04, "0.0001")]
    [InlineData(0x0A, "10")]
    [InlineData(0x0B, "100")]
    [InlineData(0x0C, "1000")]
    [InlineData(0x0D, "10000")]
    public void DecodeUnitKilowattHours_DefinedCode_ReturnsUnit(byte code, string expected)
    {
        decimal unit = SmartMeterCodec.DecodeUnitKilowattHours([code]);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), unit);

        var buffer = new byte[1];
        SmartMeterCodec.EncodeUnit(buffer, unit);
        Assert.Equal(code, buffer[0]);
    }

    [Theory]
    [InlineData(0x05)]
    [InlineData(0x09)]
    [InlineData(0x0E)]
    [InlineData(0xFF)]
    public void DecodeUnitKilowattHours_UndefinedCode_Throws(byte code)
    {
        var exception = Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeUnitKilowattHours([code]));

        Assert.StartsWith($"Unit code 0x{code:X2} for EPC 0xE1 is not defined", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeUnit_NotAPowerOfTen_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartMeterCodec.EncodeUnit(new byte[1], 0.5m));
    }

    // -- 0xD3 / 0xD7 --

    [Theory]
    [InlineData("00000001", 1u)]
    [InlineData("0000000A", 10u)]
    [InlineData("000F423F", 999_999u)]
    public void DecodeCoefficient_InRange_ReturnsValue(string edt, uint expected)
    {
        Assert.Equal(expected, SmartMeterCodec.DecodeCoefficient(Hex.Bytes(edt)));
    }

    [Theory]
    [InlineData("00000000")]
    [InlineData("000F4240")]
    [InlineData("FFFFFFFF")]
    public void DecodeCoefficient_OutOfRange_Throws(string edt)
    {
        Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeCoefficient(Hex.Bytes(edt)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(8)]
    public void DecodeEffectiveDigits_InRange_ReturnsValue(byte digits)
    {
        Assert.Equal(digits, SmartMeterCodec.DecodeEffectiveDigits([digits]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(255)]
    public void DecodeEffectiveDigits_OutOfRange_Throws(byte digits)
    {
        Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeEffectiveDigits([digits]));
    }

    [Fact]
    public void EncodeCoefficientAndDigits_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartMeterCodec.EncodeCoefficient(new byte[4], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartMeterCodec.EncodeCoefficient(new byte[4], 1_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartMeterCodec.EncodeEffectiveDigits(new byte[1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SmartMeterCodec.EncodeEffectiveDigits(new byte[1], 9));
    }

    // -- 0xEA / 0xEB --

    [Fact]
    public void TryDecodeFixedTimeCumulative_NoDataCount_ReturnsFalse()
    {
        Assert.False(SmartMeterCodec.TryDecodeFixedTimeCumulative(Hex.Bytes("07E6 08 01 14 00 00 FFFFFFFE"), out var value));
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("0000 01 01 00 00 00 00000000")]
    [InlineData("07E6 00 01 00 00 00 00000000")]
    [InlineData("07E6 0D 01 00 00 00 00000000")]
    [InlineData("07E6 02 1D 00 00 00 00000000")]
    [InlineData("07E6 08 00 00 00 00 00000000")]
    [InlineData("07E6 08 01 18 00 00 00000000")]
    [InlineData("07E6 08 01 00 3C 00 00000000")]
    [InlineData("07E6 08 01 00 00 3C 00000000")]
    [InlineData("FFFF FF FF FF FF FF FFFFFFFE")]
    public void TryDecodeFixedTimeCumulative_ImpossibleDate_Throws(string edt)
    {
        var exception = Assert.Throws<EchonetLiteFormatException>(() =>
            SmartMeterCodec.TryDecodeFixedTimeCumulative(Hex.Bytes(edt), out _));

        Assert.Contains("for EPC 0xEA/0xEB does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecodeFixedTimeCumulative_LeapDay_IsAccepted()
    {
        Assert.True(SmartMeterCodec.TryDecodeFixedTimeCumulative(Hex.Bytes("07E8 02 1D 17 1E 00 00000001"), out var value));
        Assert.Equal(new DateTime(2024, 2, 29, 23, 30, 0), value.MeterLocalTime);
    }

    // -- 0xE2 / 0xE4 --

    [Fact]
    public void DecodeHistory_NoDataSlots_AreNull()
    {
        var slots = Enumerable.Range(0, 48).Select(i => i % 3 == 0 ? (uint?)null : (uint)(1000 + i)).ToArray();
        var buffer = new byte[SmartMeterCodec.HistoryLength];
        SmartMeterCodec.EncodeHistory(buffer, 99, slots);

        var history = SmartMeterCodec.DecodeHistory(buffer);

        Assert.Equal(new CumulativeHistory(99, slots), history);
        Assert.Null(history.Slots[0]);
        Assert.Equal(1001u, history.Slots[1]);
    }

    [Fact]
    public void DecodeHistory_DayOver99_Throws()
    {
        var buffer = new byte[SmartMeterCodec.HistoryLength];
        buffer[1] = 100;

        var exception = Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeHistory(buffer));

        Assert.StartsWith("History day 100 for EPC 0xE2/0xE4 is outside 0-99", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeHistory_WrongPdc_Throws()
    {
        Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeHistory(new byte[193]));
        Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeHistory(new byte[195]));
    }

    [Fact]
    public void EncodeHistory_WrongSlotCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeHistory(new byte[194], 0, new uint?[47]));
    }

    [Fact]
    public void SlotTime_FirstAndLast_AreMidnightAnd2330()
    {
        Assert.Equal(new TimeOnly(0, 0), CumulativeHistory.SlotTime(0));
        Assert.Equal(new TimeOnly(0, 30), CumulativeHistory.SlotTime(1));
        Assert.Equal(new TimeOnly(23, 30), CumulativeHistory.SlotTime(47));
        Assert.Throws<ArgumentOutOfRangeException>(() => CumulativeHistory.SlotTime(48));
    }

    // -- 0xE5 / 0x98 / 0x97 --

    [Fact]
    public void DecodeHistoryDay_Range_IsZeroTo99()
    {
        Assert.Equal(0, SmartMeterCodec.DecodeHistoryDay([0]));
        Assert.Equal(99, SmartMeterCodec.DecodeHistoryDay([99]));
        Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeHistoryDay([100]));
    }

    [Theory]
    [InlineData("07E6 02 1D")]
    [InlineData("07E6 0D 01")]
    [InlineData("0000 01 01")]
    [InlineData("07E6 01 00")]
    public void DecodeCurrentDate_ImpossibleDate_Throws(string edt)
    {
        Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeCurrentDate(Hex.Bytes(edt)));
    }

    [Theory]
    [InlineData("18 00")]
    [InlineData("00 3C")]
    public void DecodeCurrentTime_ImpossibleTime_Throws(string edt)
    {
        Assert.Throws<EchonetLiteFormatException>(() => SmartMeterCodec.DecodeCurrentTime(Hex.Bytes(edt)));
    }

    // -- encoders --

    [Fact]
    public void Encoders_DestinationTooSmall_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeInstantaneousPower(new byte[3], 1));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeInstantaneousCurrent(new byte[3], 1, 1));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeCumulative(new byte[3], 1));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeUnit([], 1m));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeCoefficient(new byte[3], 1));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeEffectiveDigits([], 6));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeFixedTimeCumulative(new byte[10], DateTime.MinValue, 1));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeHistory(new byte[193], 0, new uint?[48]));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeHistoryDay([], 0));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeCurrentDate(new byte[3], DateOnly.MinValue));
        Assert.Throws<ArgumentException>(() => SmartMeterCodec.EncodeCurrentTime(new byte[1], TimeOnly.MinValue));
    }

    [Fact]
    public void Encoders_ReturnBytesWritten()
    {
        var buffer = new byte[256];

        Assert.Equal(4, SmartMeterCodec.EncodeCumulative(buffer, SmartMeterCodec.NoDataCumulative));
        Assert.Equal("FFFFFFFE", Hex.Of(buffer.AsSpan(0, 4)));
        Assert.Equal(11, SmartMeterCodec.EncodeFixedTimeCumulative(buffer, new DateTime(2022, 8, 1, 20, 0, 0), 76999));
        Assert.Equal("07E6080114000000012CC7", Hex.Of(buffer.AsSpan(0, 11)));
        Assert.Equal(4, SmartMeterCodec.EncodeCurrentDate(buffer, new DateOnly(2026, 5, 20)));
        Assert.Equal("07EA0514", Hex.Of(buffer.AsSpan(0, 4)));
        Assert.Equal(2, SmartMeterCodec.EncodeCurrentTime(buffer, new TimeOnly(14, 26, 59)));
        Assert.Equal("0E1A", Hex.Of(buffer.AsSpan(0, 2)));
        Assert.Equal(1, SmartMeterCodec.EncodeHistoryDay(buffer, 11));
        Assert.Equal(194, SmartMeterCodec.EncodeHistory(buffer, 0, new uint?[48]));
    }
}
