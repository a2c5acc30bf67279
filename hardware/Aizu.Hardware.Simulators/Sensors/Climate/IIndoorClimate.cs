namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>The conditions in a simulated room over time; the chips measure it when asked.</summary>
public interface IIndoorClimate
{
    /// <summary>The conditions at <paramref name="time"/>.</summary>
    IndoorConditions At(DateTimeOffset time);
}
