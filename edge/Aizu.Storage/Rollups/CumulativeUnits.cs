namespace Aizu.Storage;

/// <summary>
/// Units whose series are cumulative registers (electricity in kWh or Wh, gas and water in m3): their
/// rollups carry what the register counted (its delta, roll-overs and resets handled) as "energy".
/// </summary>
internal static class CumulativeUnits
{
    public static bool IsCumulative(string unit) =>
        string.Equals(unit, "kWh", StringComparison.Ordinal)
        || string.Equals(unit, "Wh", StringComparison.Ordinal)
        || string.Equals(unit, "m3", StringComparison.Ordinal);
}
