namespace Aizu.Hardware.Simulators.Pulse;

/// <summary>How a <see cref="SimulatedS0Meter"/> pulses.</summary>
public sealed record SimulatedS0Options
{
    /// <summary>The GPIO line the S0 output is wired to.</summary>
    public int Pin { get; init; } = 17;

    /// <summary>The meter constant, imp/kWh.</summary>
    public int PulsesPerKilowattHour { get; init; } = 1000;

    /// <summary>How long the output pulls the line low per pulse (S0: at least 30 ms).</summary>
    public TimeSpan PulseWidth { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Extra low/high flips at each end of a pulse, as a mechanical or reed contact gives; 0 for a clean
    /// opto-coupler output.</summary>
    public int BounceFlips { get; init; } = 2;

    /// <summary>Time between bounce flips.</summary>
    public TimeSpan BounceGap { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>The load in watts at an instant; by default a European household (<see cref="EuropeanHouseholdProfile"/>).</summary>
    public Func<DateTimeOffset, double>? Load { get; init; }
}
