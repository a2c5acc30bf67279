namespace Aizu.Storage;

/// <summary>Arithmetic on cumulative meter registers (kWh counters that only grow until they reset).</summary>
internal static class RegisterArithmetic
{
    /// <summary>
    /// Energy counted by a register whose values, in time order, are <paramref name="values"/>.
    /// A decrease means the meter was reset or rolled over; the total then continues from the new
    /// value instead of going negative. The energy counted between the last value before and the
    /// first value after a reset is unknown and therefore not included.
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
                runStart = value;
            }

            previous = value;
        }

        return runStart is null ? null : total + (previous - runStart.Value);
    }
}
