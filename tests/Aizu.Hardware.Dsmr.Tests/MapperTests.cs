namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>What the mapper stores from accepted telegrams: M-Bus devices each as their own series, no reading from an
/// empty slot, and skipped objects reported by kind.</summary>
public sealed class MapperTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 30, 0, TimeSpan.Zero);

    private static readonly DsmrOptions Every = new() { PowerInterval = TimeSpan.Zero, EnergyInterval = TimeSpan.Zero };

    [Fact]
    public void SeveralGasAndWaterMeters_EachHaveTheirOwnSeries_AndAnEmptySlotIsNotAReading()
    {
        var readings = Map(
            "/FLU5\\253769484_A\r\n\r\n0-0:96.1.4(50217)\r\n" +
            "0-1:24.1.0(007)\r\n0-1:24.2.1(260101120000W)(00050.000*m3)\r\n" +
            "0-2:24.1.0(003)\r\n0-2:24.2.3(260101120000W)(00100.000*m3)\r\n" +
            "0-3:24.1.0(003)\r\n0-3:24.2.3(260101120500W)(00200.000*m3)\r\n" +
            "0-4:24.1.0(003)\r\n0-4:24.2.3(700101000000W)(00000.000*m3)\r\n!");

        Assert.Equal(50, Assert.Single(readings, r => r.Series == SeriesNames.WaterVolume).Value);
        Assert.Equal(100, Assert.Single(readings, r => r.Series == SeriesNames.GasVolume).Value);
        Assert.Equal(200, Assert.Single(readings, r => r.Series == "gas.volume.channel.3").Value);
        Assert.DoesNotContain(readings, r => r.Series.Contains("channel.4", StringComparison.Ordinal) || r.Value == 0);
    }

    [Fact]
    public void APeakStampedFarInTheFuture_IsNotAReading_AndTheNextRealPeakIs()
    {
        // Found by the DSMR session fuzz target (tests/Aizu.Fuzzing/Regressions/dsmr-session/future-peak.bin): the
        // driver stored a monthly peak stamped 2090, decades ahead of every other reading in the history.
        var mapper = new DsmrReadingMapper(Every);
        var readings = new List<Reading>();

        mapper.Map(Parse("/FLU5\\253769484_A\r\n\r\n1-0:1.6.0(900101000000W)(02.589*kW)\r\n!"), Now, readings, []);
        mapper.Map(Parse("/FLU5\\253769484_A\r\n\r\n1-0:1.6.0(260101103000W)(02.589*kW)\r\n!"), Now, readings, []);

        var peak = Assert.Single(readings, r => r.Series == SeriesNames.ElectricDemandPeak);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 30, 0, TimeSpan.FromHours(1)), peak.Timestamp);
        Assert.Equal(2589, peak.Value);
    }

    [Fact]
    public void HeatMeterInGigajoules_IsStoredInKilowattHours()
    {
        var readings = Map("/AAA5MTR\r\n\r\n0-1:24.1.0(004)\r\n0-1:24.2.1(260101120000W)(00001.800*GJ)\r\n!");

        var heat = Assert.Single(readings, r => r.Series == SeriesNames.HeatEnergy);
        Assert.Equal(500, heat.Value, 6);
        Assert.Equal(Units.KilowattHour, heat.Unit);
    }

    [Fact]
    public void SkippedObjects_AreReportedByKind_AndTheRestIsStored()
    {
        var mapper = new DsmrReadingMapper(Every);
        var readout = new DsmrReadout();
        var bytes = ParserTests.WithCrc("/AAA5MTR\r\n\r\n1-0:1.7.0(00.318*kVA)\r\n1-0:2.7.0(00.100*kW)\r\n1-0:1.8.1(000671.578*kWh)\r\n~~~\r\n!");
        var readings = new List<Reading>();
        var skipped = new List<SkippedValue>();

        Assert.True(DsmrTelegramParser.TryParse(bytes, null, readout, out _));
        Assert.True(mapper.Map(readout, Now, readings, skipped));

        Assert.Equal(["1-0:1.7.0", "unreadable line"], skipped.Select(s => s.Kind).Order(StringComparer.Ordinal));
        Assert.Contains(readings, r => r.Series == SeriesNames.ElectricPower && r.Value == -100);
        Assert.Contains(readings, r => r.Series == SeriesNames.ElectricImportEnergyTariffOne && r.Value == 671.578);
    }

    private static List<Reading> Map(string upToBang)
    {
        var readings = new List<Reading>();
        Assert.True(new DsmrReadingMapper(Every).Map(Parse(upToBang), Now, readings, []));
        return readings;
    }

    private static DsmrReadout Parse(string upToBang)
    {
        var readout = new DsmrReadout();
        Assert.True(DsmrTelegramParser.TryParse(ParserTests.WithCrc(upToBang), null, readout, out var error), error.Message);
        return readout;
    }
}
