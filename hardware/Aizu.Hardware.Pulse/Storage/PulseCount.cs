namespace Aizu.Hardware.Pulse;

/// <summary>What the pulse count file remembers.</summary>
/// <param name="Pulses">Pulses counted since the count file was created.</param>
/// <param name="PulsesPerKilowattHour">The meter constant they were counted with.</param>
public sealed record PulseCount(long Pulses, int PulsesPerKilowattHour);
