using Aizu.Readings;
using Microsoft.Extensions.Logging;

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
    public async Task CorruptedTelegrams_AreRejectedCountedAndNeverUsed()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricImportEnergyTariffOne);

        harness.Meter.CorruptNextFrames(3);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.Rejected(DsmrErrorKind.ChecksumMismatch) >= 3, "three telegrams were rejected");
        var after = DateTimeOffset.UtcNow;
        await harness.NextAsync(SeriesNames.ElectricImportEnergyTariffOne, r => r.Timestamp > after);

        // The corruption adds 100 kWh to tariff 1; a register that jumps like that was used.
        var tariff1 = harness.Drain().Where(r => r.Series == SeriesNames.ElectricImportEnergyTariffOne).Select(r => r.Value).ToList();
        Assert.All(tariff1.Zip(tariff1.Skip(1)), p => Assert.InRange(p.Second - p.First, 0, 1));
        Assert.True(harness.Log.Contains(LogLevel.Warning, "CRC mismatch"));
        Assert.True(harness.Log.Contains(LogLevel.Information, "valid again"));
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
    public async Task CutOffTelegrams_AreDiscardedAndReadingCarriesOn()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricPower);

        harness.Meter.CutOffNextFrames(2);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.FramesDiscarded >= 2, "two cut-off telegrams were discarded");
        var after = DateTimeOffset.UtcNow;

        await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > after);
        Assert.Contains("cut off", harness.Driver!.Statistics.LastRejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_IsSkippedAndReadingCarriesOn()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricPower);

        await harness.Meter.SendGarbageAsync("\u0001\u00FF noise 12 %% ))(("u8.ToArray(), CancellationToken.None);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.FramesDiscarded >= 1, "the noise was discarded");
        var after = DateTimeOffset.UtcNow;

        await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > after);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "Skipped bytes"));
    }

    [Fact]
    public async Task SilentMeter_IsReported_AndReadingResumesWhenItTalksAgain()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricPower);

        harness.Meter.SetSilent(true);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.SilentPeriods >= 1, "the driver noticed the silence");
        var silentSince = DateTimeOffset.UtcNow;
        Assert.True(harness.Log.Contains(LogLevel.Warning, "No valid telegram"));

        harness.Meter.SetSilent(false);
        var resumed = await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > silentSince);
        Assert.True(resumed.Timestamp > silentSince);
    }

    [Fact]
    public async Task UnpluggedCable_IsReported_AndTheDriverReconnectsAfterReplug()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricPower);

        await harness.Meter.UnplugAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        var replugged = DateTimeOffset.UtcNow;

        await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > replugged);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "unavailable"));
    }

    [Fact]
    public async Task MissingCable_IsReportedUntilItAppears()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.Options.DevicePath = Path.Combine(harness.Directory, "ttyNotThere");
        harness.StartDriver();

        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "does not exist"), "the driver reported the missing cable");
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public async Task SystemClockAt1970_ReadingsAreStampedFromTheMetersClock()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        var bootedAt1970 = new ShiftedTimeProvider(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero) - DateTimeOffset.UtcNow);
        harness.StartDriver(bootedAt1970);

        var power = await harness.NextAsync(SeriesNames.ElectricPower);

        Assert.True(power.Timestamp >= Plausible, $"stamped {power.Timestamp:O}");
        Assert.InRange(power.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(2));
    }

    [Fact]
    public async Task SystemClockAt1970_Dsmr22WithoutTelegramTime_DropsReadingsAndSaysWhy()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync(DsmrProtocol.Dsmr22);
        var bootedAt1970 = new ShiftedTimeProvider(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero) - DateTimeOffset.UtcNow);
        harness.StartDriver(bootedAt1970);

        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "system clock is not set"), "the driver explained the dropped values");
        Assert.DoesNotContain(harness.Drain(), r => r.Series == SeriesNames.ElectricPower);
    }
}
