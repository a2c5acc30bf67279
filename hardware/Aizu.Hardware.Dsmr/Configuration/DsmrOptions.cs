namespace Aizu.Hardware.Dsmr;

/// <summary>Settings of the DSMR P1 meter driver, bound from <c>Aizu:Dsmr</c>.</summary>
public sealed class DsmrOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:Dsmr";

    /// <summary>Serial device of the P1 cable, e.g. <c>/dev/ttyUSB0</c> or a <c>/dev/serial/by-id/…</c> link.</summary>
    public string DevicePath { get; set; } = "/dev/ttyUSB0";

    /// <summary>The meter's P1 generation: line settings (115200 8N1 or 9600 7E1) and whether a CRC is required.</summary>
    public DsmrProtocol Protocol { get; set; } = DsmrProtocol.Dsmr5;

    /// <summary>Shortest time between two readings of instantaneous values (power, voltage, current); DSMR 5 meters
    /// send every second, which the gateway does not need to store.</summary>
    public TimeSpan PowerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest time between two readings of the energy registers.</summary>
    public TimeSpan EnergyInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long without a valid telegram before the port counts as silent and is reopened.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts to open the port (doubling from one second).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
