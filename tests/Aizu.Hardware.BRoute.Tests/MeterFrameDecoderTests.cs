namespace Aizu.Hardware.BRoute.Tests;

public sealed class MeterFrameDecoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    private static readonly EnergyRegister Register = new(1, 0.1m, 6);

    [Fact]
    public void Decode_GetResWithPowerCurrentAndEnergy_ReturnsEachAsAReading()
    {
        // Get_Res from the meter: E7 = 504 W, E8 = R 5.0 A / T no data (single-phase), E0 = 12345 × 0.1 kWh.
        byte[] frame = Convert.FromHexString("1081000102880105FF0172" + "03" + "E704000001F8" + "E804" + "0032" + "7FFE" + "E00400003039");

        var readings = Decode(frame, Register);

        Assert.Equal(
            [
                new Reading(SeriesNames.ElectricPower, Now, 504, Units.Watt),
                new Reading(SeriesNames.ElectricCurrentR, Now, 5.0, Units.Ampere),
                new Reading(SeriesNames.ElectricImportEnergy, Now, 1234.5, Units.KilowattHour),
            ],
            readings);
    }

    [Fact]
    public void Decode_NoDataSentinels_ProduceNoReadings()
    {
        // E7 "no data" 0x7FFFFFFE and E0 "no data" 0xFFFFFFFE.
        byte[] frame = Convert.FromHexString("1081000102880105FF0172" + "02" + "E7047FFFFFFE" + "E004FFFFFFFE");

        Assert.Empty(Decode(frame, Register));
    }

    [Fact]
    public void Decode_EnergyWithoutKnownRegister_IsSkippedRatherThanGuessed()
    {
        byte[] frame = Convert.FromHexString("1081000102880105FF0172" + "01" + "E00400003039");

        Assert.Empty(Decode(frame, register: null));
    }

    [Fact]
    public void Decode_FixedTimeCumulative_IsStampedWithTheMeterTimeInJapan()
    {
        // EA: 2026-11-24 12:00:00 JST, 12345 units.
        byte[] frame = Convert.FromHexString("1081000102880105FF0173" + "01" + "EA0B" + "07EA0B180C0000" + "00003039");

        var reading = Assert.Single(Decode(frame, Register));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(9)), reading.Timestamp);
        Assert.Equal(1234.5, reading.Value, 6);
    }

    [Fact]
    public void Decode_GetSnaWithEmptyProperty_SkipsIt()
    {
        byte[] frame = Convert.FromHexString("1081000102880105FF0152" + "02" + "E704000001F8" + "D300");

        var reading = Assert.Single(Decode(frame, Register));
        Assert.Equal(504, reading.Value);
    }

    [Fact]
    public void Decode_APropertyOfTheWrongLength_IsReportedAndSkipped_TheOthersAreKept()
    {
        // E7 with 3 bytes instead of 4, then a good E0 = 12345 × 0.1 kWh.
        byte[] frame = Convert.FromHexString("1081000102880105FF0172" + "02" + "E703" + "0001F8" + "E00400003039");
        var skipped = new List<(byte Epc, string Reason)>();
        var readings = new List<Reading>();

        MeterFrameDecoder.Decode(EchonetFrame.Parse(frame).Properties, Now, Register, readings, (epc, reason) => skipped.Add((epc, reason)));

        var reading = Assert.Single(readings);
        Assert.Equal(SeriesNames.ElectricImportEnergy, reading.Series);
        var (epc, reason) = Assert.Single(skipped);
        Assert.Equal(SmartMeterEpc.InstantaneousPower, epc);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Decode_AnOverflowingRegisterAndPower_AreReportedAndSkipped_TheOthersAreKept()
    {
        // E7 overflow code 0x7FFFFFFF, E0 = 100 000 000 (nine digits, beyond the register's eight), a good E8 = 9.8 A / 2.2 A.
        byte[] frame = Convert.FromHexString("1081000102880105FF0172" + "03" + "E7047FFFFFFF" + "E00405F5E100" + "E8040062" + "0016");
        var skipped = new List<(byte Epc, string Reason)>();
        var readings = new List<Reading>();

        MeterFrameDecoder.Decode(EchonetFrame.Parse(frame).Properties, Now, Register, readings, (epc, reason) => skipped.Add((epc, reason)));

        Assert.Equal([SeriesNames.ElectricCurrentR, SeriesNames.ElectricCurrentT], readings.Select(r => r.Series));
        Assert.Equal([SmartMeterEpc.InstantaneousPower, SmartMeterEpc.CumulativeNormal], skipped.Select(s => s.Epc));
        Assert.Contains("0x05F5E100", skipped[1].Reason, StringComparison.Ordinal);
    }

    private static List<Reading> Decode(byte[] frame, EnergyRegister? register)
    {
        var readings = new List<Reading>();
        MeterFrameDecoder.Decode(EchonetFrame.Parse(frame).Properties, Now, register, readings);
        return readings;
    }
}
