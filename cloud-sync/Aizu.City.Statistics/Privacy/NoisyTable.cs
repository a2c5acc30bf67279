namespace Aizu.City.Statistics;

/// <summary>A published table and what protects it.</summary>
/// <param name="Query">What was asked.</param>
/// <param name="Epsilon">The ε the table spent (δ = 0: pure differential privacy).</param>
/// <param name="ClipWh">Each household's energy in a cell is clipped to [0, ClipWh] before summing.</param>
/// <param name="EnergyScale">The noise scale of the energies, Wh (sensitivity / ε share).</param>
/// <param name="CountScale">The noise scale of the household counts.</param>
/// <param name="Cells">One per area at the query's level (the leaves, remainders included) and period; no totals.</param>
public sealed record NoisyTable(TableQuery Query, decimal Epsilon, long ClipWh, decimal EnergyScale, decimal CountScale, IReadOnlyList<NoisyCell> Cells);
