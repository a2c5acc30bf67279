namespace Aizu.City.Statistics;

/// <summary>What one analyst was given for a cell key before (from the query audit).</summary>
/// <param name="Status">Released or suppressed then.</param>
/// <param name="EnergyWh">The energy given then (released only).</param>
/// <param name="Households">The household count given then (released only).</param>
public sealed record EarlierRelease(CellStatus Status, decimal? EnergyWh, int? Households);
