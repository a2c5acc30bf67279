namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>One sensor to simulate: which chip, where it is wired and which room it is in.</summary>
/// <param name="Kind">The chip.</param>
/// <param name="Room">The room slug; each room gets its own climate.</param>
/// <param name="Bus">I2C bus number (ignored for the DS18B20).</param>
/// <param name="Address">I2C address, or for the DS18B20 its ROM id such as <c>28-0316a2796cff</c>.</param>
public sealed record SimulatedSensorSpec(SimulatedSensorKind Kind, string Room, int Bus, string Address);
