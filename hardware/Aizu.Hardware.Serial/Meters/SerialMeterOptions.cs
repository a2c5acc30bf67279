namespace Aizu.Hardware.Serial.Meters;

/// <summary>What every serial push meter is configured with; each meter's options add their own keys.</summary>
public abstract class SerialMeterOptions
{
    /// <summary>Serial device the meter is read through, e.g. <c>/dev/ttyUSB0</c> or a <c>/dev/serial/by-id/…</c> link.</summary>
    public string DevicePath { get; set; } = "/dev/ttyUSB0";

    /// <summary>Shortest time between two readings of instantaneous values (power, voltage, current); meters push every
    /// one to ten seconds, more than the gateway needs to store.</summary>
    public TimeSpan PowerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest time between two readings of the energy registers.</summary>
    public TimeSpan EnergyInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long without a valid frame before the meter counts as silent and the port is reopened.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts to open the port (doubling from one second).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
