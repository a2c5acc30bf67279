namespace Aizu.Hardware.Pulse;

/// <summary>What the S0 output counts, which decides the series its readings go to.</summary>
public enum PulseMeterRole
{
    /// <summary>Energy drawn from the grid (the household's meter): <c>elec.import.energy</c> and <c>elec.power</c>.</summary>
    GridImport = 0,

    /// <summary>A PV inverter's or generation meter's output: <c>pv.generation.energy</c> and <c>pv.generation.power</c>.</summary>
    PvGeneration = 1,
}
