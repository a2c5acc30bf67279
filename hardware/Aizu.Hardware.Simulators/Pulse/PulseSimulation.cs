namespace Aizu.Hardware.Simulators.Pulse;

/// <summary>One call to get a simulated S0 output pulsing, for the gateway's demo mode.</summary>
public static class PulseSimulation
{
    /// <summary>Creates and starts a simulated S0 output; give <see cref="SimulatedS0Meter.CreateDriver"/> to the pulse
    /// counter as its GPIO driver factory and dispose the meter to stop it.</summary>
    public static Task<SimulatedS0Meter> StartAsync(SimulatedS0Options options, TimeProvider time, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var meter = new SimulatedS0Meter(options, time);
        meter.Start();
        return Task.FromResult(meter);
    }
}
