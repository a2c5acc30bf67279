namespace Aizu.Hardware.BRoute.Tests;

/// <summary>The real driver against the simulated dongle and meter, over a real pseudo-terminal.</summary>
public sealed class BRouteDriverTests
{
    private static readonly DateTimeOffset Plausible = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii)]
    [InlineData(SkstackDialect.Bp35A1, SkstackDataFormat.Binary)]
    [InlineData(SkstackDialect.Bp35C0, SkstackDataFormat.HexAscii)]
    [InlineData(SkstackDialect.Bp35C0, SkstackDataFormat.Binary)]
    public async Task Run_ScansJoinsAndPolls_ProducesPowerAndEnergyReadings(SkstackDialect dialect, SkstackDataFormat format)
    {
        await using var harness = await DriverHarness.StartSimulatorAsync(dialect, format);
        harness.StartDriver();

        var power = await harness.NextAsync(SeriesNames.ElectricPower);
        var energy = await harness.NextAsync(SeriesNames.ElectricImportEnergy, r => r.Quality == ReadingQuality.Good);

        Assert.InRange(power.Value, 50, 8000);
        Assert.Equal(Units.Watt, power.Unit);
        Assert.InRange(power.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(energy.Value > 0);
        Assert.Equal(Units.KilowattHour, energy.Unit);
        Assert.Equal(1, harness.Dongle.ScanCount);
        Assert.True(File.Exists(harness.Options.PanCachePath));
    }

    [Fact]
    public async Task Run_AfterJoining_BackfillsTodaysHalfHourRegister()
    {
        await using var harness = await DriverHarness.StartPollingAsync();

        var backfilled = harness.Drain().Where(r => r.Quality == ReadingQuality.Backfilled).ToList();

        // Midnight (meter time) is always slot 0 of today, and every slot lies in the past.
        Assert.NotEmpty(backfilled);
        Assert.All(backfilled, r => Assert.Equal(SeriesNames.ElectricImportEnergy, r.Series));
        Assert.All(backfilled, r => Assert.True(r.Timestamp <= DateTimeOffset.UtcNow));
        Assert.Equal(0, backfilled[0].Timestamp.ToOffset(TimeSpan.FromHours(9)).TimeOfDay.Ticks % TimeSpan.FromMinutes(30).Ticks);
        Assert.True(backfilled.Zip(backfilled.Skip(1)).All(p => p.Second.Value >= p.First.Value), "the register never runs backwards");
    }

    [Fact]
    public async Task Restart_WithRememberedPan_RejoinsWithoutScanning()
    {
        await using var harness = await DriverHarness.StartPollingAsync();
        await harness.StopDriverAsync();

        await using var second = await DriverHarness.StartSimulatorAsync();
        File.Copy(harness.Options.PanCachePath, second.Options.PanCachePath);
        second.StartDriver();
        await second.NextAsync(SeriesNames.ElectricPower);

        Assert.Equal(0, second.Dongle.ScanCount);
        Assert.True(second.Log.Contains(LogLevel.Information, "remembered PAN"));
    }

    [Fact]
    public async Task GatewayRestart_WhileTheDongleKeepsItsSession_EndsThatSessionAndJoinsAgain()
    {
        await using var harness = await DriverHarness.StartPollingAsync();

        // Stopped without SKTERM, as a crash or a power cut of the Pi alone leaves it: the dongle is still joined.
        await harness.StopDriverAsync();
        var restarted = new BRouteDriver(
            Microsoft.Extensions.Options.Options.Create(harness.Options),
            new JsonFilePanStore(harness.Options.PanCachePath, NullLogger<JsonFilePanStore>.Instance),
            TimeProvider.System,
            harness.Log);
        var readings = Channel.CreateUnbounded<Reading>();
        using var stop = new CancellationTokenSource();
        var run = restarted.RunAsync(readings.Writer, stop.Token);

        using var timeout = new CancellationTokenSource(DriverHarness.WaitLimit);
        Reading power;
        do
        {
            power = await readings.Reader.ReadAsync(timeout.Token);
        }
        while (power.Series != SeriesNames.ElectricPower);

        await stop.CancelAsync();
        await run.WaitAsync(DriverHarness.WaitLimit);
        Assert.Equal(2, harness.Dongle.JoinCount);
    }

    [Fact]
    public async Task StaleRememberedPan_IsForgottenAndTheMeterIsScannedFor()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        await File.WriteAllTextAsync(
            harness.Options.PanCachePath,
            """{ "channel": 59, "panId": 4660, "macAddress": "001D1290AAAAAAAA", "address": "FE80:0000:0000:0000:021D:1290:AAAA:AAAA" }""");
        harness.StartDriver();

        await harness.NextAsync(SeriesNames.ElectricPower);

        Assert.True(harness.Log.Contains(LogLevel.Warning, "PANA authentication"));
        Assert.Equal(1, harness.Dongle.ScanCount);
    }

    [Fact]
    public async Task GarbageLines_AreLoggedAndPollingCarriesOn()
    {
        await using var harness = await DriverHarness.StartPollingAsync();

        harness.Dongle.SendGarbage("\u0001\u00FFnoise 12 %%\r\n"u8);
        harness.Dongle.SendGarbage("ERXUDP FE80 ZZ\r\n"u8);
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "not SKSTACK-IP"));
    }

    [Fact]
    public async Task PanaFailure_IsRetriedUntilTheJoinSucceeds()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.Dongle.FailNextJoins(2);
        harness.StartDriver();

        await harness.NextAsync(SeriesNames.ElectricPower);

        Assert.True(harness.Dongle.JoinCount >= 3);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "PANA authentication"));
    }

    [Fact]
    public async Task WrongPassword_IsReportedAndNoReadingIsInvented()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync(password: "WRONGPASSWRD");
        harness.StartDriver();

        await harness.WaitUntilAsync(() => harness.Dongle.JoinCount >= 2, "the driver retried the join");

        Assert.True(harness.Log.Contains(LogLevel.Warning, "check the B-route ID and password"));
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public async Task SessionExpiry_IsReauthenticatedAndPollingResumes()
    {
        await using var harness = await DriverHarness.StartPollingAsync();

        harness.Dongle.ExpireSession();
        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Information, "Re-authenticated"), "the driver saw the re-authentication");
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
        Assert.True(harness.Log.Contains(LogLevel.Information, "EVENT 29"));
    }

    [Fact]
    public async Task SessionExpiryWithFailedReauthentication_JoinsAgain()
    {
        await using var harness = await DriverHarness.StartPollingAsync();
        int joins = harness.Dongle.JoinCount;

        harness.Dongle.FailNextJoins(1);
        harness.Dongle.ExpireSession();
        await harness.WaitUntilAsync(() => harness.Dongle.JoinCount > joins, "the driver joined again");
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "Meter session lost"));
    }

    [Fact]
    public async Task SilentMeter_ProducesNoReadings_ThenTheDriverRejoinsAndResumes()
    {
        await using var harness = await DriverHarness.StartPollingAsync();
        int joins = harness.Dongle.JoinCount;

        harness.Dongle.SetMeterSilent(true);
        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "did not answer 2 requests"), "the driver gave up on the silent meter");
        var silentSince = DateTimeOffset.UtcNow;
        await harness.WaitUntilAsync(() => harness.Dongle.JoinCount > joins, "the driver joined again");
        Assert.DoesNotContain(harness.Drain(), r => r.Quality == ReadingQuality.Good && r.Timestamp > silentSince);

        harness.Dongle.SetMeterSilent(false);
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
    }

    [Fact]
    public async Task DongleUnplugged_IsReportedAndTheDriverReconnectsAfterReplug()
    {
        await using var harness = await DriverHarness.StartPollingAsync();

        await harness.Dongle.UnplugAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        await harness.NextFromNowAsync(SeriesNames.ElectricPower);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "unavailable"));
    }

    [Fact]
    public async Task MissingDongle_IsReportedUntilItAppears()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        harness.Options.DevicePath = Path.Combine(harness.Directory, "ttyNotThere");
        harness.StartDriver();

        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Warning, "does not exist"), "the driver reported the missing dongle");
        Assert.Empty(harness.Drain());
    }

    [Fact]
    public async Task SystemClockAt1970_ReadingsAreStampedFromTheMeterClock()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        var bootedAt1970 = ShiftedTimeProvider.StartingAt(new DateTimeOffset(1970, 1, 1, 0, 0, 10, TimeSpan.Zero));
        harness.StartDriver(bootedAt1970);

        var power = await harness.NextAsync(SeriesNames.ElectricPower);
        await harness.NextAsync(SeriesNames.ElectricImportEnergy, r => r.Quality == ReadingQuality.Good);

        Assert.True(power.Timestamp >= Plausible, $"stamped {power.Timestamp:O}");
        Assert.InRange(power.Timestamp, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.All(harness.Drain(), r => Assert.True(r.Timestamp >= Plausible, $"{r.Series} stamped {r.Timestamp:O}"));
    }

    [Fact]
    public async Task FullDisk_WhenRememberingThePan_IsReportedAndMeteringCarriesOn()
    {
        await using var harness = await DriverHarness.StartSimulatorAsync();
        var store = new FullDiskPanStore();
        harness.StartDriver(panStore: store);

        await harness.NextAsync(SeriesNames.ElectricPower);
        await harness.NextAsync(SeriesNames.ElectricPower);

        Assert.Equal(1, store.SaveAttempts);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "No space left on device"));
    }
}
