namespace Aizu.Hardware.Simulators.Sml;

/// <summary>One call to get a simulated SML meter and read head running, for the gateway's demo mode.</summary>
public static class SmlSimulation
{
    /// <summary>Creates and starts a simulated meter; open <see cref="SimulatedPushMeter.DevicePath"/> as the read head's
    /// port and dispose the meter to stop it.</summary>
    public static Task<SimulatedSmlMeter> StartAsync(SimulatedSmlOptions options, TimeProvider time, CancellationToken cancellationToken) =>
        SimulatedPushMeter.StartAsync(new SimulatedSmlMeter(options, time), cancellationToken);
}
