namespace Aizu.Consent;

/// <summary>
/// The city's list of purposes, delivered as a retained MQTT message and signed by the city (JWS
/// ES256). A newer catalogue has a higher <see cref="Sequence"/>; an older one is a replay and refused.
/// </summary>
/// <param name="Issuer">Who published it, e.g. the city's smart-city office.</param>
/// <param name="Sequence">Strictly increasing number of this edition.</param>
/// <param name="IssuedAt">When it was signed.</param>
/// <param name="PolicyUrl">The controller's privacy policy.</param>
/// <param name="Controller">The PII controller named in receipts.</param>
/// <param name="Purposes">The purposes on offer.</param>
public sealed record PurposeCatalogue(
    string Issuer,
    long Sequence,
    DateTimeOffset IssuedAt,
    string PolicyUrl,
    CatalogueController Controller,
    IReadOnlyList<Purpose> Purposes)
{
    /// <summary>The purpose with <paramref name="id"/>, or null.</summary>
    public Purpose? Find(string id) => Purposes.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}
