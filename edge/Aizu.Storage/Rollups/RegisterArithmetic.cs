namespace Aizu.Storage;

/// <summary>Arithmetic on cumulative meter registers (kWh counters that only grow until they roll over or reset).</summary>
/// <remarks>
/// A decrease is a roll-over when the register was close to a power of ten and wrapping past it
/// explains the new value with a small step: within 0.1 % of that power (for a 99 999.9 kWh register,
/// 100 kWh). The energy across a roll-over is known (up to the wrap, then from zero) and counted. Any
/// other decrease is a reset (meter exchanged, register cleared): what was counted between the last
/// value before and the first after it is unknown and left out instead of going negative.
/// </remarks>
internal static class RegisterArithmetic
{
    private const double RollOverTolerance = 0.001;

    /// <summary>Energy counted from <paramref name="previous"/> to <paramref name="next"/>.</summary>
    public static double Step(double previous, double next)
    {
        if (next >= previous)
        {
            return next - previous;
        }

        return RollOverGap(previous, next) ?? 0;
    }

    /// <summary>
    /// Energy counted by a register whose values, in time order, are <paramref name="values"/>; null for none.
    /// </summary>
    /// <remarks>
    /// Sums whole non-decreasing runs (last minus first of each run) rather than every step, so a
    /// register without resets gives exactly <c>last - first</c>, free of accumulated rounding.
    /// </remarks>
    public static double? SumOfRises(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);

        double? runStart = null;
        double previous = 0;
        double total = 0;
        foreach (var value in values)
        {
            if (runStart is null)
            {
                runStart = value;
            }
            else if (value < previous)
            {
                total += previous - runStart.Value;
                total += RollOverGap(previous, value) ?? 0;
                runStart = value;
            }

            previous = value;
        }

        return runStart is null ? null : total + (previous - runStart.Value);
    }

    /// <summary>The step across a roll-over from <paramref name="previous"/> to the smaller <paramref name="next"/>, or null for a reset.</summary>
    private static double? RollOverGap(double previous, double next)
    {
        if (previous <= 0 || next < 0)
        {
            return null;
        }

        var modulus = Math.Pow(10, Math.Floor(Math.Log10(previous)) + 1);
        var gap = modulus - previous + next;
        return gap <= modulus * RollOverTolerance ? gap : null;
    }
}
