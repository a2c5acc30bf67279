namespace Aizu.Hardware.Sensors.Tests;

/// <summary>The doctor's one test read of each configured sensor, with the real bindings against simulated chips.</summary>
public sealed partial class IndoorSensorProbeTests
{
    [Fact]
    public async Task EverySensor_IsReadOnce_AndSaysWhatItAnswered()
    {
        await using var harness = new SourceHarness(
        [
            new SimulatedSensorSpec(SimulatedSensorKind.Bme280, "living", 1, "0x76"),
            new SimulatedSensorSpec(SimulatedSensorKind.Sht3x, "bedroom", 1, "0x44"),
            new SimulatedSensorSpec(SimulatedSensorKind.Ds18b20, "hall", 0, "28-000000000001"),
        ], TimeProvider.System);

        var results = await IndoorSensorProbe.ProbeAsync(harness.Options, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(SensorProbeOutcome.Answered, r.Outcome));
        Assert.Equal("BME280 at 0x76 on I2C bus 1 (living)", results[0].Description);
        Assert.Matches(Bme280Values(), results[0].Detail);
        Assert.Matches(@"^-?\d+\.\d °C, \d+\.\d %RH$", results[1].Detail);
        Assert.Matches(@"^-?\d+\.\d °C$", results[2].Detail);
    }

    [Fact]
    public async Task NoChipAtTheAddress_CrcErrors_AndAMissingOneWireId_AreEachNamed()
    {
        await using var harness = new SourceHarness(
        [
            new SimulatedSensorSpec(SimulatedSensorKind.Sht3x, "bedroom", 1, "0x44"),
        ], TimeProvider.System);
        harness.Simulation.Chip<SimulatedSht3x>(1, 0x44).Fault = SimulatedFault.BadCrc;
        harness.Options.Sensors.Add(new IndoorSensorDefinition { Kind = IndoorSensorKind.Bme280, Bus = 1, Address = "0x77", Room = "living" });
        harness.Options.Sensors.Add(new IndoorSensorDefinition { Kind = IndoorSensorKind.Ds18b20, Address = "28-00000000dead", Room = "hall" });

        var results = await IndoorSensorProbe.ProbeAsync(harness.Options, CancellationToken.None);

        Assert.Equal(SensorProbeOutcome.BadData, results[0].Outcome);
        Assert.Equal(SensorProbeOutcome.NoAnswer, results[1].Outcome);
        Assert.Equal("BME280 at 0x77 on I2C bus 1 (living)", results[1].Description);
        Assert.Equal(SensorProbeOutcome.NoAnswer, results[2].Outcome);
    }

    [GeneratedRegex(@"^-?\d+\.\d °C, \d+\.\d %RH, \d+\.\d hPa$")]
    private static partial Regex Bme280Values();
}
