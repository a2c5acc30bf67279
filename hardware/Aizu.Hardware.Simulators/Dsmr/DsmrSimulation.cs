namespace Aizu.Hardware.Simulators.Dsmr;

/// <summary>One call to get a simulated P1 meter running, for the gateway's demo mode.</summary>
public static class DsmrSimulation
{
    /// <summary>Creates and starts a simulated meter; open <see cref="SimulatedPushMeter.DevicePath"/> as the P1 port and
    /// dispose the meter to stop it.</summary>
    public static Task<SimulatedP1Meter> StartAsync(SimulatedP1Options options, TimeProvider time, CancellationToken cancellationToken) =>
        SimulatedPushMeter.StartAsync(new SimulatedP1Meter(options, time), cancellationToken);
}
