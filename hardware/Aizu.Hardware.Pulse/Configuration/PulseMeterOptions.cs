namespace Aizu.Hardware.Pulse;

/// <summary>Settings of the S0 pulse counter, bound from <c>Aizu:Pulse</c>.</summary>
public sealed class PulseMeterOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Aizu:Pulse";

    /// <summary>GPIO line (BCM numbering) the S0+ terminal is wired to, e.g. 17 for header pin 11.</summary>
    public int Pin { get; set; } = 17;

    /// <summary>The GPIO chip: 0 on a Raspberry Pi 1–4 and on a Pi 5 with a current kernel (4 on older Pi 5 kernels).</summary>
    public int GpioChip { get; set; }

    /// <summary>Whether to switch on the Pi's internal pull-up (about 50 kΩ); false when an external pull-up is fitted.</summary>
    public bool InternalPullUp { get; set; } = true;

    /// <summary>The meter constant printed on the meter, e.g. "1000 imp/kWh".</summary>
    public int PulsesPerKilowattHour { get; set; } = 1000;

    /// <summary>How long the line must stay low for an edge to count as a pulse; S0 pulses last at least 30 ms.</summary>
    public TimeSpan DebounceTime { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>What the output counts.</summary>
    public PulseMeterRole Role { get; set; } = PulseMeterRole.GridImport;

    /// <summary>The meter's register (kWh) when the count file was started, so readings match its display.</summary>
    public double RegisterOffset { get; set; }

    /// <summary>Where the pulse count is kept between runs.</summary>
    public string CountFilePath { get; set; } = "pulse-count.json";

    /// <summary>How often power is reported.</summary>
    public TimeSpan PowerInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the count is saved and energy reported; a crash loses at most this much counting.</summary>
    public TimeSpan SaveInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait between attempts to open the GPIO line (doubling from one second).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
