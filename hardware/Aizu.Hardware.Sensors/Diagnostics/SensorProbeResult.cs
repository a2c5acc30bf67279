namespace Aizu.Hardware.Sensors;

/// <summary>One configured sensor's test read, for <c>aizu doctor</c>.</summary>
/// <param name="Definition">The sensor as configured.</param>
/// <param name="Description">How the gateway's log names it, e.g. <c>BME280 at 0x76 on I2C bus 1 (living)</c>.</param>
/// <param name="Outcome">How it answered.</param>
/// <param name="Detail">The values read (<c>21.4 °C, 45.0 %RH</c>) or what went wrong.</param>
public sealed record SensorProbeResult(IndoorSensorDefinition Definition, string Description, SensorProbeOutcome Outcome, string Detail);
