namespace Aizu.Hardware.Sensors.Tests;

/// <summary>The real source and bindings against simulated BME280, SHT3x and DS18B20 on fake time.</summary>
public sealed class IndoorSensorSourceTests
{
    private static readonly SimulatedSensorSpec Bme = new(SimulatedSensorKind.Bme280, "living", 1, "0x76");
    private static readonly SimulatedSensorSpec Sht = new(SimulatedSensorKind.Sht3x, "bedroom", 1, "0x44");
    private static readonly SimulatedSensorSpec Ds = new(SimulatedSensorKind.Ds18b20, "hallway", 0, "28-0316a2796cff");

    [Fact]
    public async Task Bme280_ReadsAllThreeQuantities_WithinToleranceOfTheSimulatedRoom()
    {
        await using var harness = new SourceHarness([Bme]);
        var readings = await harness.StartAsync();

        var truth = harness.Simulation.Chip<SimulatedBme280>(1, 0x76).LastMeasured!.Value;
        Assert.Equal(3, readings.Count);
        AssertReading(readings, "indoor.living.temperature", Units.DegreeCelsius, truth.TemperatureCelsius, 0.01);
        AssertReading(readings, "indoor.living.humidity", Units.RelativeHumidityPercent, truth.RelativeHumidityPercent, 0.05);
        AssertReading(readings, "indoor.living.pressure", Units.Hectopascal, truth.PressureHectopascals, 0.02);
        Assert.All(readings, r => Assert.Equal(SourceHarness.Start, r.Timestamp));
        Assert.True(harness.Log.Contains(LogLevel.Information, "BME280 at 0x76 on I2C bus 1 (living) ready"));
    }

    [Fact]
    public async Task Sht3x_ReadsTemperatureAndHumidity_WithinTheBindingsRounding()
    {
        await using var harness = new SourceHarness([Sht]);
        var readings = await harness.StartAsync();

        var truth = harness.Simulation.Chip<SimulatedSht3x>(1, 0x44).LastMeasured!.Value;
        Assert.Equal(2, readings.Count);

        // The binding rounds to 0.1, and temperature and humidity come from two single-shot measurements.
        AssertReading(readings, "indoor.bedroom.temperature", Units.DegreeCelsius, truth.TemperatureCelsius, 0.1);
        AssertReading(readings, "indoor.bedroom.humidity", Units.RelativeHumidityPercent, truth.RelativeHumidityPercent, 0.6);
    }

    [Fact]
    public async Task Ds18b20_ReadsTemperature_FromTheSysfsTree()
    {
        await using var harness = new SourceHarness([Ds]);
        var readings = await harness.StartAsync();

        var truth = harness.Simulation.OneWire.Devices[0].LastMeasured!.Value;
        var reading = Assert.Single(readings);
        AssertReading(readings, "indoor.hallway.temperature", Units.DegreeCelsius, truth.TemperatureCelsius, 1 / 32.0);
        Assert.Equal(0, reading.Value * 16 % 1, 6);
    }

    [Fact]
    public async Task Readings_FollowTheSimulatedDay()
    {
        await using var harness = new SourceHarness([Bme]);

        // Two hours apart: a full day in twelve rounds.
        harness.Options.PollInterval = TimeSpan.FromHours(2);
        await harness.StartAsync();
        var temperatures = new List<double>();
        for (int i = 0; i < 12; i++)
        {
            var readings = await harness.NextRoundAsync();
            temperatures.Add(readings.Single(r => r.Series == "indoor.living.temperature").Value);
        }

        Assert.All(temperatures, t => Assert.InRange(t, 18, 26));
        Assert.True(temperatures.Max() - temperatures.Min() > 2, $"a day should vary by more than 2 °C: {string.Join(", ", temperatures)}");
    }

    [Fact]
    public async Task Nack_SkipsThatSensorOnly_AndItRecoversWhenItAnswersAgain()
    {
        await using var harness = new SourceHarness([Bme, Sht]);
        var bme = harness.Simulation.Chip<SimulatedBme280>(1, 0x76);
        bme.Fault = SimulatedFault.Nack;

        var first = await harness.StartAsync();
        var second = await harness.NextRoundAsync();

        Assert.DoesNotContain(first.Concat(second), r => r.Series.StartsWith("indoor.living.", StringComparison.Ordinal));
        Assert.Equal(2, first.Count(r => r.Series.StartsWith("indoor.bedroom.", StringComparison.Ordinal)));
        Assert.Equal(2, second.Count(r => r.Series.StartsWith("indoor.bedroom.", StringComparison.Ordinal)));
        Assert.Single(harness.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("BME280 at 0x76 on I2C bus 1 (living) did not answer (NACK", StringComparison.Ordinal));
        Assert.True(harness.Log.Contains(LogLevel.Debug, "did not answer (NACK"), "a repeat of the same fault is logged quietly");

        bme.Fault = SimulatedFault.None;
        var third = await harness.NextRoundAsync();

        Assert.Equal(3, third.Count(r => r.Series.StartsWith("indoor.living.", StringComparison.Ordinal)));
        Assert.True(harness.Log.Contains(LogLevel.Information, "answering again after 2 failed round(s)"));
    }

    [Fact]
    public async Task SensorHealth_SaysWhichSensorStoppedAnswering_SinceWhen_AndWhy_UntilItAnswersAgain()
    {
        await using var harness = new SourceHarness([Ds, Sht]);
        var thermometer = harness.Simulation.OneWire.Devices[0];
        await harness.StartAsync();
        var source = harness.Source!;
        var firstRead = harness.Time.GetUtcNow();
        Assert.All(source.GetSensorHealth(), h => Assert.Equal(new SensorHealth(h.Sensor, h.Room, true, firstRead, null, null), h));

        thermometer.Fault = SimulatedFault.Nack;
        harness.Simulation.OneWire.Refresh();
        await harness.NextRoundAsync();
        var failedAt = harness.Time.GetUtcNow();
        await harness.NextRoundAsync();

        var hallway = Assert.Single(source.GetSensorHealth(), h => h.Room == "hallway");
        Assert.Equal("DS18B20 28-0316a2796cff (hallway)", hallway.Sensor);
        Assert.False(hallway.Answering);
        Assert.Equal(firstRead, hallway.LastAnsweredAt);
        Assert.Equal(failedAt, hallway.NotAnsweringSince);
        Assert.StartsWith("not on the bus: ", hallway.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', hallway.LastError!);
        var bedroom = Assert.Single(source.GetSensorHealth(), h => h.Room == "bedroom");
        Assert.True(bedroom.Answering);
        Assert.Equal(harness.Time.GetUtcNow(), bedroom.LastAnsweredAt);

        thermometer.Fault = SimulatedFault.None;
        harness.Simulation.OneWire.Refresh();
        await harness.NextRoundAsync();

        hallway = Assert.Single(source.GetSensorHealth(), h => h.Room == "hallway");
        Assert.True(hallway.Answering);
        Assert.Equal(harness.Time.GetUtcNow(), hallway.LastAnsweredAt);
        Assert.Null(hallway.NotAnsweringSince);
        Assert.StartsWith("not on the bus: ", hallway.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingAtTheAddress_IsReportedAsNotAnswering()
    {
        await using var harness = new SourceHarness([Sht]);
        harness.Options.Sensors.Add(new IndoorSensorDefinition { Kind = IndoorSensorKind.Bme280, Address = "0x77", Room = "kitchen" });

        var readings = await harness.StartAsync();

        Assert.Equal(2, readings.Count);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "BME280 at 0x77 on I2C bus 1 (kitchen) did not answer"), harness.Log.Text);
    }

    [Fact]
    public async Task CrcError_DiscardsTheValues_AndTheOthersCarryOn()
    {
        await using var harness = new SourceHarness([Bme, Sht]);
        var sht = harness.Simulation.Chip<SimulatedSht3x>(1, 0x44);
        sht.Fault = SimulatedFault.BadCrc;

        var readings = await harness.StartAsync();

        Assert.DoesNotContain(readings, r => r.Series.StartsWith("indoor.bedroom.", StringComparison.Ordinal));
        Assert.Equal(3, readings.Count(r => r.Series.StartsWith("indoor.living.", StringComparison.Ordinal)));
        Assert.True(harness.Log.Contains(LogLevel.Warning, "SHT3X at 0x44 on I2C bus 1 (bedroom) sent data with a bad CRC"), harness.Log.Text);

        sht.Fault = SimulatedFault.None;
        var next = await harness.NextRoundAsync();
        Assert.Equal(2, next.Count(r => r.Series.StartsWith("indoor.bedroom.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CrcError_AfterGoodReadings_DoesNotRepeatTheOldValue()
    {
        await using var harness = new SourceHarness([Sht]);
        var sht = harness.Simulation.Chip<SimulatedSht3x>(1, 0x44);
        Assert.Equal(2, (await harness.StartAsync()).Count);

        // The binding would hand back its previous values after a CRC failure; none may appear.
        sht.Fault = SimulatedFault.BadCrc;
        var readings = await harness.NextRoundAsync();

        Assert.Empty(readings);
    }

    [Fact]
    public async Task Bme280ThatNeverFinishesAMeasurement_IsSkipped()
    {
        await using var harness = new SourceHarness([Bme, Sht]);
        harness.Simulation.Chip<SimulatedBme280>(1, 0x76).Fault = SimulatedFault.NeverReady;

        var readings = await harness.StartAsync();

        Assert.DoesNotContain(readings, r => r.Series.StartsWith("indoor.living.", StringComparison.Ordinal));
        Assert.Equal(2, readings.Count);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "(living) never finished a measurement"), harness.Log.Text);
    }

    [Fact]
    public async Task StuckBus_TimesOut_SkipsWhileStuck_AndRecoversWhenReleased()
    {
        await using var harness = new SourceHarness([Bme, Sht]);
        var sht = harness.Simulation.Chip<SimulatedSht3x>(1, 0x44);
        sht.Fault = SimulatedFault.HoldBus;

        var source = harness.StartAsync();
        await sht.TransferBlocked.WaitAsync(SourceHarness.WaitLimit);
        await harness.WaitForReadingsAsync(3);
        harness.Advance(harness.Options.ReadTimeout);
        var first = await source;

        Assert.Equal(3, first.Count);
        Assert.True(harness.Log.Contains(LogLevel.Warning, "SHT3X at 0x44 on I2C bus 1 (bedroom) did not answer within 10 s: the I2C bus may be stuck"), harness.Log.Text);

        var second = await harness.NextRoundAsync();
        Assert.Equal(3, second.Count);
        Assert.True(harness.Log.Contains(LogLevel.Debug, "still busy with a read from an earlier round"));

        sht.Fault = SimulatedFault.None;
        IReadOnlyList<Reading> recovered = [];
        for (int round = 0; round < 3 && !recovered.Any(r => r.Series.StartsWith("indoor.bedroom.", StringComparison.Ordinal)); round++)
        {
            // The released transfer unwinds on its own thread; a round may still find it busy.
            recovered = await harness.NextRoundAsync();
        }

        Assert.Equal(2, recovered.Count(r => r.Series.StartsWith("indoor.bedroom.", StringComparison.Ordinal)));
        Assert.True(harness.Log.Contains(LogLevel.Information, "(bedroom) is answering again"), harness.Log.Text);
    }

    [Theory]
    [InlineData(SimulatedFault.BadCrc, "failed its CRC")]
    [InlineData(SimulatedFault.NeverReady, "85 °C power-on value")]
    [InlineData(SimulatedFault.Nack, "not on the bus")]
    public async Task Ds18b20Faults_AreReportedAndNoReadingIsMade(SimulatedFault fault, string expected)
    {
        await using var harness = new SourceHarness([Ds, Sht]);
        harness.Simulation.OneWire.Devices[0].Fault = fault;
        harness.Simulation.OneWire.Refresh();

        var readings = await harness.StartAsync();

        Assert.DoesNotContain(readings, r => r.Series.StartsWith("indoor.hallway.", StringComparison.Ordinal));
        Assert.Equal(2, readings.Count);
        Assert.True(harness.Log.Contains(LogLevel.Warning, expected), harness.Log.Text);
    }

    [Fact]
    public async Task Quantities_LimitWhatIsPublished()
    {
        await using var harness = new SourceHarness([Bme]);
        harness.Options.Sensors[0].Quantities.Add(IndoorQuantity.Pressure);

        var readings = await harness.StartAsync();

        Assert.Equal("indoor.living.pressure", Assert.Single(readings).Series);
    }

    private static void AssertReading(IReadOnlyList<Reading> readings, string series, string unit, double expected, double tolerance)
    {
        var reading = Assert.Single(readings, r => r.Series == series);
        Assert.Equal(unit, reading.Unit);
        Assert.Equal(ReadingQuality.Good, reading.Quality);
        Assert.True(Math.Abs(reading.Value - expected) <= tolerance, $"{series}: {reading.Value} is not within {tolerance} of {expected}");
    }
}
