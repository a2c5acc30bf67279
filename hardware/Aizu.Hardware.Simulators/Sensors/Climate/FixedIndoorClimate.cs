namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>A room whose conditions are whatever a test sets, so it can check a driver against known values.</summary>
public sealed class FixedIndoorClimate : IIndoorClimate
{
    /// <summary>Creates the room with <paramref name="conditions"/>.</summary>
    public FixedIndoorClimate(IndoorConditions conditions)
    {
        Conditions = conditions;
    }

    /// <summary>The conditions returned for every moment until changed.</summary>
    public IndoorConditions Conditions { get; set; }

    /// <inheritdoc />
    public IndoorConditions At(DateTimeOffset time) => Conditions;
}
