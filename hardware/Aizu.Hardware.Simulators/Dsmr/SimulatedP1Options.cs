namespace Aizu.Hardware.Simulators.Dsmr;

/// <summary>How a <see cref="SimulatedP1Meter"/> is set up.</summary>
public sealed record SimulatedP1Options
{
    /// <summary>Which meter generation to imitate: telegram layout, line settings, interval, CRC.</summary>
    public DsmrProtocol Protocol { get; init; } = DsmrProtocol.Dsmr5;

    /// <summary>
    /// When set, a symbolic link at this path follows the current pseudo-terminal (absent while unplugged), like a
    /// udev <c>/dev/serial/by-id</c> link; when null, <see cref="SimulatedP1Meter.DevicePath"/> is the slave itself.
    /// </summary>
    public string? DevicePath { get; init; }

    /// <summary>Time between telegrams; null for the protocol's own (1 s for DSMR 5 and e-MUCS, 10 s otherwise).</summary>
    public TimeSpan? TelegramInterval { get; init; }

    /// <summary>The household behind the meter.</summary>
    public EuropeanHouseholdProfile Household { get; init; } = new();

    /// <summary>Seed of the measurement noise when no <see cref="Random"/> is given to the meter.</summary>
    public int Seed { get; init; } = 20250101;

    /// <summary>Whether a gas meter is on M-Bus channel 1.</summary>
    public bool GasMeter { get; init; } = true;

    /// <summary>Whether a water meter is on M-Bus channel 2 (DSMR 5 and e-MUCS).</summary>
    public bool WaterMeter { get; init; }
}
