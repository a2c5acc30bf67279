namespace Aizu.City.Analysis;

/// <summary>One cell as the API gives it: numbers only when released, the rule when suppressed.</summary>
internal sealed record CellView(string Area, string Period, string Status, string? Rule, decimal? EnergyWh, decimal? MeanWh, int? Households, int? Consents, string? Provenance);
