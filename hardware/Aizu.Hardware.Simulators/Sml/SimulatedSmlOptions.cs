namespace Aizu.Hardware.Simulators.Sml;

/// <summary>How a <see cref="SimulatedSmlMeter"/> is set up.</summary>
public sealed record SimulatedSmlOptions
{
    /// <summary>
    /// When set, a symbolic link at this path follows the current pseudo-terminal (absent while unplugged), like a
    /// udev <c>/dev/serial/by-id</c> link; when null, <see cref="SimulatedSmlMeter.DevicePath"/> is the slave itself.
    /// </summary>
    public string? DevicePath { get; init; }

    /// <summary>Time between pushes; eHZ-type meters push every one to four seconds.</summary>
    public TimeSpan PushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The household behind the meter.</summary>
    public EuropeanHouseholdProfile Household { get; init; } = new();

    /// <summary>Whether the meter shows power (16.7.0); many meters send it only after the customer entered the PIN.</summary>
    public bool SendsPower { get; init; } = true;

    /// <summary>Seed of the measurement noise when no <see cref="Random"/> is given to the meter.</summary>
    public int Seed { get; init; } = 20250101;
}
