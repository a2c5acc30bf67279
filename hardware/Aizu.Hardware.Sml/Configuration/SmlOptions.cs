namespace Aizu.Hardware.Sml;

/// <summary>Settings of the SML meter driver (an optical read head on a German meter's info interface), bound from <c>Aizu:Sml</c>.</summary>
public sealed class SmlOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:Sml";

    /// <summary>Serial device of the IR read head, e.g. <c>/dev/ttyUSB0</c> or a <c>/dev/serial/by-id/…</c> link.</summary>
    public string DevicePath { get; set; } = "/dev/ttyUSB0";

    /// <summary>Line speed; SML info interfaces send at 9600 baud 8N1.</summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>Shortest time between two power readings; meters push every one to four seconds.</summary>
    public TimeSpan PowerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shortest time between two readings of the energy registers.</summary>
    public TimeSpan EnergyInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long without a valid SML frame before the head counts as silent and the port is reopened.</summary>
    public TimeSpan SilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts to open the port (doubling from one second).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
