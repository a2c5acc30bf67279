namespace Aizu.Hardware.Dsmr.Tests;

/// <summary>The real driver against the simulated P1 meter, over a real pseudo-terminal, including the faults of real
/// cables and meters.</summary>
public sealed class DriverTests
{
    private static readonly DateTimeOffset Plausible = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DsmrProtocol.Dsmr5)]
    [InlineData(DsmrProtocol.Dsmr4)]
    [InlineData(DsmrProtocol.Dsmr22)]
    [InlineData(DsmrProtocol.EMucs)]
    public async Task Run_EachProtocol_ProducesPowerEnergyAndGasReadings(DsmrProtocol protocol)
    {
        await using var harness = await DriverHarness.StartSimulatorAsync(protocol);
        harness.StartDriver();

        var power = await harness.NextAsync(SeriesNames.ElectricPower);
        var energy = await harness.NextAsync(SeriesNames.ElectricImportEnergy);
        var gas = await harness.NextAsync(SeriesNames.GasVolume);

        Assert.InRange(power.Value, -4000, 6000);
        Assert.Equal(Units.Watt, power.Unit);
        Assert.InRange(power.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.InRange(energy.Value, 8000, 11000);
        Assert.Equal(Units.KilowattHour, energy.Unit);
        Assert.Equal(Units.CubicMetre, gas.Unit);

        // The gas meter's own capture time (whole 5 minutes or hours), not the time of the telegram.
        Assert.Equal(0, gas.Timestamp.Ticks % TimeSpan.FromMinutes(5).Ticks);
        Assert.True(gas.Timestamp <= DateTimeOffset.UtcNow);
        Assert.True(harness.Driver!.Statistics.FramesAccepted > 0);
        Assert.Equal(0, harness.Driver.Statistics.FramesRejected);
    }

    [Fact]
    public async Task Run_Dsmr5_ImportEnergyIsTheSumOfTheTariffs_AndPhasesAreReported()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();

        await harness.NextAsync(SeriesNames.ElectricExportEnergyTariffTwo);
        var batch = harness.Drain().TakeLast(30).ToList();
        var total = batch.Last(r => r.Series == SeriesNames.ElectricImportEnergy);
        double t1 = batch.Last(r => r.Series == SeriesNames.ElectricImportEnergyTariffOne && r.Timestamp == total.Timestamp).Value;
        double t2 = batch.Last(r => r.Series == SeriesNames.ElectricImportEnergyTariffTwo && r.Timestamp == total.Timestamp).Value;

        Assert.Equal(t1 + t2, total.Value, 3);
        var voltage = await harness.NextAsync(SeriesNames.ElectricVoltagePhaseThree);
        Assert.InRange(voltage.Value, 220, 240);
        Assert.Equal(Units.Volt, voltage.Unit);
        await harness.NextAsync(SeriesNames.ElectricCurrentPhaseOne);
        await harness.NextAsync(SeriesNames.ElectricPowerPhaseTwo);
    }

    [Fact]
    public async Task Run_EMucs_ReportsDemandAndWater()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync(DsmrProtocol.EMucs, water: true);
        harness.StartDriver();

        var average = await harness.NextAsync(SeriesNames.ElectricDemandAverage);
        var peak = await harness.NextAsync(SeriesNames.ElectricDemandPeak);
        var water = await harness.NextAsync(SeriesNames.WaterVolume);

        Assert.Equal(Units.Watt, average.Unit);
        Assert.True(peak.Timestamp <= DateTimeOffset.UtcNow);
        Assert.Equal(Units.CubicMetre, water.Unit);
    }

    [Fact]
    public async Task CorruptedDsmr22Telegrams_WithoutCrc_AreRejectedAsGarbled()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync(DsmrProtocol.Dsmr22);
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricImportEnergyTariffOne);

        harness.Meter.CorruptNextFrames(2);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.Rejected(DsmrErrorKind.Garbled) >= 2, "two telegrams were rejected");
        var after = DateTimeOffset.UtcNow;

        await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > after);
    }

    [Fact]
    public async Task SystemClockAt1970_ReadingsAreStampedFromTheMetersClock()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        var bootedAt1970 = ShiftedTimeProvider.StartingAt(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero));
        harness.StartDriver(bootedAt1970);

        var power = await harness.NextAsync(SeriesNames.ElectricPower);

        Assert.True(power.Timestamp >= Plausible, $"stamped {power.Timestamp:O}");
        Assert.InRange(power.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(2));
    }

    [Fact]
    public async Task SystemClockAt1970_Dsmr22WithoutTelegramTime_DropsReadingsAndSaysWhy()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync(DsmrProtocol.Dsmr22);
        var bootedAt1970 = ShiftedTimeProvider.StartingAt(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero));
        harness.StartDriver(bootedAt1970);

        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "system clock is not set"), "the driver explained the dropped values");
        Assert.DoesNotContain(harness.Drain(), r => r.Series == SeriesNames.ElectricPower);
    }
}
