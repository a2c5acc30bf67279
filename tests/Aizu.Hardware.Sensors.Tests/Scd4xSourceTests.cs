namespace Aizu.Hardware.Sensors.Tests;

/// <summary>
/// The SCD4x on the system clock: its binding waits for the sensor's 5-second period in real time,
/// so these tests take a few seconds each.
/// </summary>
public sealed class Scd4xSourceTests
{
    private static readonly SimulatedSensorSpec Scd = new(SimulatedSensorKind.Scd4x, "living", 1, "0x62");
    private static readonly SimulatedSensorSpec Bme = new(SimulatedSensorKind.Bme280, "study", 1, "0x76");

    [Fact]
    public async Task Scd4x_ReadsCo2TemperatureAndHumidity()
    {
        await using var harness = Create();
        var readings = await harness.StartAsync();

        var truth = harness.Simulation.Chip<SimulatedScd4x>(1, 0x62).LastMeasured!.Value;
        Assert.Equal(6, readings.Count);
        var co2 = Assert.Single(readings, r => r.Series == "indoor.living.co2");
        Assert.Equal(Units.PartsPerMillion, co2.Unit);
        Assert.Equal(Math.Round(truth.Co2Ppm), co2.Value);
        Assert.InRange(co2.Value, 450, 1500);
        Assert.Equal(truth.TemperatureCelsius, readings.Single(r => r.Series == "indoor.living.temperature").Value, 0.01);
        Assert.Equal(truth.RelativeHumidityPercent, readings.Single(r => r.Series == "indoor.living.humidity").Value, 0.01);
        Assert.True(harness.Simulation.Chip<SimulatedScd4x>(1, 0x62).Measuring);
    }

    [Theory]
    [InlineData(SimulatedFault.BadCrc, "SCD4X at 0x62 on I2C bus 1 (living) sent data with a bad CRC")]
    [InlineData(SimulatedFault.Nack, "(living) did not answer (NACK")]
    public async Task Scd4xFault_IsReportedAtOnce_AndTheOthersCarryOn(SimulatedFault fault, string warning)
    {
        await using var harness = Create();
        harness.Simulation.Chip<SimulatedScd4x>(1, 0x62).Fault = fault;

        var readings = await harness.StartAsync();

        Assert.Equal(3, readings.Count);
        Assert.All(readings, r => Assert.StartsWith("indoor.study.", r.Series, StringComparison.Ordinal));
        Assert.True(harness.Log.Contains(LogLevel.Warning, warning), harness.Log.Text);
    }

    [Fact]
    public async Task Scd4xThatIsNeverReady_IsSkipped_WithoutAnInventedValue()
    {
        await using var harness = Create();
        harness.Options.ReadTimeout = TimeSpan.FromSeconds(15);
        harness.Simulation.Chip<SimulatedScd4x>(1, 0x62).Fault = SimulatedFault.NeverReady;

        var readings = await harness.StartAsync();

        // The binding waits one period, polls data-ready for six seconds, then gives up.
        Assert.Equal(3, readings.Count);
        Assert.DoesNotContain(readings, r => r.Series.StartsWith("indoor.living.", StringComparison.Ordinal));
        Assert.True(harness.Log.Contains(LogLevel.Warning, "(living) never finished a measurement"), harness.Log.Text);
    }

    private static SourceHarness Create()
    {
        var harness = new SourceHarness([Scd, Bme], TimeProvider.System);
        harness.Options.PollInterval = TimeSpan.FromHours(1);
        return harness;
    }
}
