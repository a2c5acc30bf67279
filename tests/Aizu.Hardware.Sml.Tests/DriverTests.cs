using Aizu.Readings;
using Microsoft.Extensions.Logging;

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
    public async Task CorruptedFrames_AreRejectedCountedAndNeverUsed()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricImportEnergy);

        harness.Meter.CorruptNextFrames(3);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.Rejected(SmlErrorKind.ChecksumMismatch) >= 3, "three frames were rejected");
        var after = DateTimeOffset.UtcNow;
        await harness.NextAsync(SeriesNames.ElectricImportEnergy, r => r.Timestamp > after);

        var import = harness.Drain().Where(r => r.Series == SeriesNames.ElectricImportEnergy).Select(r => r.Value).ToList();
        Assert.All(import.Zip(import.Skip(1)), p => Assert.InRange(p.Second - p.First, 0, 0.1));
        Assert.True(harness.Log.Contains(LogLevel.Warning, "CRC mismatch"));
        Assert.True(harness.Log.Contains(LogLevel.Information, "valid again"));
    }

    [Fact]
    public async Task CutOffFrames_AreDiscardedAndReadingCarriesOn()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricPower);

        harness.Meter.CutOffNextFrames(2);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.FramesDiscarded >= 2, "two cut-off frames were discarded");
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

        await harness.Meter.SendGarbageAsync(new byte[] { 0x1B, 0x1B, 0x00, 0xFF, 0x42, 0x1A, 0x76, 0x05, 0x01, 0x02, 0x03 }, CancellationToken.None);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.FramesDiscarded >= 1, "the noise was discarded");
        var after = DateTimeOffset.UtcNow;

        await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > after);
    }

    [Fact]
    public async Task SilentMeter_IsReported_AndReadingResumes()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver();
        await harness.NextAsync(SeriesNames.ElectricPower);

        harness.Meter.SetSilent(true);
        await harness.WaitUntilAsync(() => harness.Driver!.Statistics.SilentPeriods >= 1, "the driver noticed the silence");
        var silentSince = DateTimeOffset.UtcNow;
        Assert.True(harness.Log.Contains(LogLevel.Warning, "No valid SML frame"));

        harness.Meter.SetSilent(false);
        await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > silentSince);
    }

    [Fact]
    public async Task UnpluggedHead_IsReported_AndTheDriverReconnectsAfterReplug()
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
    public async Task SystemClockAt1970_ValuesAreDroppedBecauseSmlHasNoCalendarTime()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.StartDriver(new ShiftedTimeProvider(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero) - DateTimeOffset.UtcNow));

        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "system clock is not set"), "the driver explained the dropped values");
        Assert.Empty(harness.Drain());
    }
}
