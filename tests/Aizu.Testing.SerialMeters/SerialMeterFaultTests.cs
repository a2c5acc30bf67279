namespace Aizu.Testing.SerialMeters;

/// <summary>
/// The faults of real cables, read heads and meters that every driver on the serial loop must survive: corrupted,
/// cut-off and noisy frames, a silent meter and an unplugged cable. A meter's test project derives this once and runs
/// every test against its own driver and simulator.
/// </summary>
/// <typeparam name="TDriver">The meter's driver.</typeparam>
/// <typeparam name="TReadout">What the meter's parser makes of a frame.</typeparam>
/// <typeparam name="TErrorKind">The parser's reasons for refusing a frame.</typeparam>
public abstract class SerialMeterFaultTests<TDriver, TReadout, TErrorKind>
    where TDriver : SerialMeterSource<TReadout, TErrorKind>
    where TErrorKind : struct, Enum
{
    /// <summary>The parser's reason for a frame whose checksum is wrong.</summary>
    protected abstract TErrorKind ChecksumMismatch { get; }

    /// <summary>A cumulative register of the meter, and the most it may rise between two frames of the simulator:
    /// a corrupted frame that was used would show as a larger jump.</summary>
    protected abstract (string Series, double MaxStep) Register { get; }

    /// <summary>Bytes a noisy line could carry between two frames of this meter.</summary>
    protected abstract ReadOnlyMemory<byte> Noise { get; }

    /// <summary>What the driver says (at warning) when the meter has been silent too long.</summary>
    protected abstract string SilenceWarning { get; }

    /// <summary>Starts the simulated meter (not yet the driver).</summary>
    protected abstract Task<SerialMeterHarness<TDriver, TReadout, TErrorKind>> StartSimulatorAsync();

    /// <summary>The simulated meter and a driver that has delivered its first reading of <paramref name="series"/>.</summary>
    private async Task<SerialMeterHarness<TDriver, TReadout, TErrorKind>> StartReadingAsync(string series)
    {
        var harness = await StartSimulatorAsync();
        try
        {
            harness.StartDriver();
            await harness.NextAsync(series);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    [Fact]
    public async Task CorruptedFrames_AreRejectedCountedAndNeverUsed()
    {
        await using var harness = await StartReadingAsync(Register.Series);

        harness.Meter.CorruptNextFrames(3);
        await harness.WaitUntilAsync(() => harness.Statistics.Rejected(ChecksumMismatch) >= 3, "three frames were rejected");
        await harness.NextFromNowAsync(Register.Series);

        var register = harness.Drain().Where(r => r.Series == Register.Series).Select(r => r.Value).ToList();
        Assert.All(register.Zip(register.Skip(1)), p => Assert.InRange(p.Second - p.First, 0, Register.MaxStep));
        Assert.True(harness.Log.Contains(LogLevel.Warning, "CRC mismatch"), harness.Log.Text);
        Assert.True(harness.Log.Contains(LogLevel.Information, "valid again"), harness.Log.Text);
    }

    [Fact]
    public async Task CutOffFrames_AreDiscardedAndReadingCarriesOn()
    {
        await using var harness = await StartReadingAsync(SeriesNames.ElectricPower);

        harness.Meter.CutOffNextFrames(2);
        await harness.WaitUntilAsync(() => harness.Statistics.FramesDiscarded >= 2, "two cut-off frames were discarded");
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
        Assert.Contains("cut off", harness.Statistics.LastRejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Noise_IsSkippedAndReadingCarriesOn()
    {
        await using var harness = await StartReadingAsync(SeriesNames.ElectricPower);

        await harness.Meter.SendGarbageAsync(Noise, CancellationToken.None);
        await harness.WaitUntilAsync(() => harness.Statistics.FramesDiscarded >= 1, "the noise was discarded");
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "Skipped bytes"), harness.Log.Text);
    }

    [Fact]
    public async Task SilentMeter_IsReported_AndReadingResumesWhenItTalksAgain()
    {
        await using var harness = await StartReadingAsync(SeriesNames.ElectricPower);

        harness.Meter.SetSilent(true);
        await harness.WaitUntilAsync(() => harness.Statistics.SilentPeriods >= 1, "the driver noticed the silence");
        var silentSince = DateTimeOffset.UtcNow;
        Assert.True(harness.Log.Contains(LogLevel.Warning, SilenceWarning), harness.Log.Text);

        harness.Meter.SetSilent(false);
        var resumed = await harness.NextAsync(SeriesNames.ElectricPower, r => r.Timestamp > silentSince);
        Assert.True(resumed.Timestamp > silentSince);
    }

    [Fact]
    public async Task UnpluggedCable_IsReported_AndTheDriverReconnectsAfterReplug()
    {
        await using var harness = await StartReadingAsync(SeriesNames.ElectricPower);

        await harness.Meter.UnplugAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "unavailable"), harness.Log.Text);
    }

    [Fact]
    public async Task MissingCable_IsReportedUntilItAppears()
    {
        await using var harness = await StartSimulatorAsync();
        harness.Options.DevicePath = Path.Combine(harness.Directory, "ttyNotThere");
        harness.StartDriver();

        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "does not exist"), "the driver reported the missing cable");
        Assert.Empty(harness.Drain());
    }
}
