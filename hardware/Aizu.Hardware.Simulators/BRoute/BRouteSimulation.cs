namespace Aizu.Hardware.Simulators.BRoute;

/// <summary>One call to get a simulated B-route dongle and meter running, for the gateway's demo mode.</summary>
public static class BRouteSimulation
{
    /// <summary>
    /// Builds a household profile, a meter reading it and a dongle in front of the meter, and starts the dongle. Open
    /// <see cref="SimulatedWiSunDongle.DevicePath"/> as the serial device; dispose the dongle to stop.
    /// </summary>
    public static async Task<SimulatedWiSunDongle> StartAsync(
        SimulatedDongleOptions options, TimeProvider time, ILoggerFactory? loggers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var meter = new SimulatedSmartMeter(new HouseholdLoadProfile(), time);
        var dongle = new SimulatedWiSunDongle(options, meter, time, loggers?.CreateLogger<SimulatedWiSunDongle>());
        try
        {
            await dongle.StartAsync(ct);
            return dongle;
        }
        catch
        {
            await dongle.DisposeAsync();
            throw;
        }
    }
}
