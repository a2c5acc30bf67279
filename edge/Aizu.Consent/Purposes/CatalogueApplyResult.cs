namespace Aizu.Consent;

/// <summary>The outcome of <see cref="PurposeCatalogueService.ApplyAsync"/>.</summary>
/// <param name="Status">Accepted, unchanged or rejected.</param>
/// <param name="Sequence">The catalogue's sequence, when it could be read.</param>
/// <param name="Problem">Why it was rejected.</param>
/// <param name="Requested">Consent requests it created (status Requested, never given).</param>
/// <param name="Revoked">Consents it ended because the city withdrew or changed their purpose.</param>
public sealed record CatalogueApplyResult(
    CatalogueStatus Status,
    long? Sequence,
    string? Problem,
    IReadOnlyList<ConsentGrant> Requested,
    IReadOnlyList<ConsentGrant> Revoked)
{
    internal static CatalogueApplyResult Rejected(string problem, long? sequence = null) =>
        new(CatalogueStatus.Rejected, sequence, problem, [], []);
}
