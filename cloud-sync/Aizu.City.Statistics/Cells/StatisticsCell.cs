namespace Aizu.City.Statistics;

/// <summary>One cell of a table: released with its numbers, or suppressed with the rule that withheld it.</summary>
/// <param name="Key">Area, days and hour the cell measures.</param>
/// <param name="Period">The column's label: <c>2026-12-01</c>, <c>2026-12</c>, <c>13</c> (hour of day) or <c>total</c>.</param>
/// <param name="Status">Released or suppressed.</param>
/// <param name="Rule">Why suppressed (<see cref="SuppressionRule.None"/> when released).</param>
/// <param name="EnergyWh">Energy, Wh (released only).</param>
/// <param name="Households">Households that contributed (released only).</param>
/// <param name="Consents">The consent references the released numbers rest on, sorted (released only; server-side provenance).</param>
public sealed record StatisticsCell(CellKey Key, string Period, CellStatus Status, SuppressionRule Rule, decimal? EnergyWh, int? Households, IReadOnlyList<string> Consents)
{
    /// <summary>Mean energy per household, Wh (released, non-empty cells only).</summary>
    public decimal? MeanWh => EnergyWh is { } e && Households is > 0 and var n ? e / n : null;
}
