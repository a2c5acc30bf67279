namespace Aizu.City.Statistics;

/// <summary>One cell of a published (differentially private) table: noisy energy and noisy household count.</summary>
/// <param name="Key">Area, days and hour.</param>
/// <param name="Period">Column label, as in <see cref="StatisticsCell"/>.</param>
/// <param name="EnergyWh">Sum of the households' clipped energies plus discrete Laplace noise, Wh.</param>
/// <param name="Households">Household count plus discrete Laplace noise.</param>
public sealed record NoisyCell(CellKey Key, string Period, long EnergyWh, long Households);
