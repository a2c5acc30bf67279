namespace Aizu.Panel;

/// <summary>The body of <c>POST /api/consent/grants</c>.</summary>
/// <param name="Purpose">Purpose id from the catalogue.</param>
/// <param name="Category">Data category the purpose asks for.</param>
/// <param name="Granularity">One the purpose accepts; null for the purpose's proposal (daily when offered).</param>
/// <param name="Months">Validity in months (1–12); null for the default (12, or 6 for 30-minute data).</param>
/// <param name="ShareDistrict">True when the household ticked "share my district" (only for a purpose that asks); absent means no.</param>
internal sealed record ConsentGrantRequest(string? Purpose, string? Category, string? Granularity, int? Months, bool? ShareDistrict = null);
