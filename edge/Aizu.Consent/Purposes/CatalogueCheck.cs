namespace Aizu.Consent;

/// <summary>A catalogue whose signature and content were checked: the catalogue, or why it was refused.</summary>
/// <param name="Catalogue">The catalogue, when acceptable.</param>
/// <param name="PayloadSegment">The signed payload as sent (base64url), to tell a redelivery from a change.</param>
/// <param name="Problem">Why it was refused.</param>
internal sealed record CatalogueCheck(PurposeCatalogue? Catalogue, string PayloadSegment, string? Problem);
