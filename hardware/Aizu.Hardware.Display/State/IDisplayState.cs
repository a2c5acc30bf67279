namespace Aizu.Hardware.Display;

/// <summary>What the on-device screen shows; the host keeps it up to date and the display reads it on every refresh.</summary>
public interface IDisplayState
{
    /// <summary>The latest whole-house power reading (<see cref="SeriesNames.ElectricPower"/>), or <see langword="null"/> before the first.</summary>
    Reading? LatestPower { get; }

    /// <summary>Whether an alert is active (the screen shows an indicator).</summary>
    bool AlertActive { get; }

    /// <summary>A short line the device must show until it is dealt with (the panel setup code), or <see langword="null"/>.</summary>
    string? Notice { get; }
}
