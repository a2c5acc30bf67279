namespace Aizu.Panel;

/// <summary>Which edition of the city's purpose catalogue is in force.</summary>
internal sealed record ConsentCatalogueInfo(string Issuer, long Sequence, DateTimeOffset IssuedAt, string PolicyUrl, string Controller);
