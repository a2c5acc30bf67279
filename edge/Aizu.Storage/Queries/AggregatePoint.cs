namespace Aizu.Storage;

/// <summary>One bucket of a range query: the values stamped in [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Start">First instant of the bucket (UTC).</param>
/// <param name="End">First instant after the bucket (UTC).</param>
/// <param name="Count">Readings in the bucket; 0 when only a register's energy step ended in it.</param>
/// <param name="Min">Smallest value, null when <paramref name="Count"/> is 0.</param>
/// <param name="Max">Largest value, null when <paramref name="Count"/> is 0.</param>
/// <param name="Mean">Mean value, null when <paramref name="Count"/> is 0.</param>
/// <param name="Energy">For cumulative registers (kWh; m3 for gas and water): what the register counted in (Start, End], with roll-overs and resets handled; null otherwise.</param>
public sealed record AggregatePoint(
    DateTimeOffset Start,
    DateTimeOffset End,
    long Count,
    double? Min,
    double? Max,
    double? Mean,
    double? Energy);
