namespace Aizu.Hardware.Sml.Tests;

/// <summary>The real driver against the simulated SML meter, over a real pseudo-terminal, including faults.</summary>
public sealed class DriverTests
{
    [Fact]
    public async Task Run_ProducesEnergyInKilowattHoursAndPowerInWatts()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();

        var import = await harness.NextAsync(SeriesNames.ElectricImportEnergy);
        var export = await harness.NextAsync(SeriesNames.ElectricExportEnergy);
        var power = await harness.NextAsync(SeriesNames.ElectricPower);

        Assert.Equal(Units.KilowattHour, import.Unit);
        Assert.InRange(import.Value, 14_203.5, 14_300);
        Assert.InRange(export.Value, 2_518, 2_520);
        Assert.Equal(Units.Watt, power.Unit);
        Assert.InRange(power.Value, 50, 6000);
        Assert.InRange(power.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(0, harness.Driver!.Statistics.FramesRejected);
    }

    [Fact]
    public async Task SystemClockAt1970_ValuesAreDroppedBecauseSmlHasNoCalendarTime()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver(ShiftedTimeProvider.StartingAt(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero)));

        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "system clock is not set"), "the driver explained the dropped values");
        Assert.Empty(harness.Drain());
    }
}
