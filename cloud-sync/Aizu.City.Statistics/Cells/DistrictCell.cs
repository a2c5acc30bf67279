namespace Aizu.City.Statistics;

/// <summary>
/// What the households of one district contributed to one column of a table, summed per household first (the database
/// computes these, so the rules need not see every window).
/// </summary>
/// <param name="District">The shared district (<c>city/district/sub</c>), or null when none was shared.</param>
/// <param name="Column">The column's index (day, month or hour of the range), or null for the whole range.</param>
/// <param name="Households">Households with a window in the cell.</param>
/// <param name="EnergyWh">Their energy, Wh.</param>
/// <param name="LargestWh">The largest one household's energy in the cell, Wh.</param>
/// <param name="Consents">The consent references the windows were accepted under, sorted; null when they are exactly
/// those of the district's whole-range cell (most cells: it saves sending the same list once per day).</param>
public sealed record DistrictCell(string? District, int? Column, int Households, decimal EnergyWh, decimal LargestWh, IReadOnlyList<string>? Consents);
