namespace Aizu.City.Demo;

/// <summary>
/// A simulated household's decisions: the grants it gave when the demo started, never changed. The
/// city's catalogue offers exactly those terms, as a city that published them would.
/// </summary>
internal sealed class DemoConsentRegistry(IReadOnlyList<ConsentGrant> grants, string city) : IConsentRegistry
{
    public IReadOnlyList<ConsentGrant> Grants => grants;

    public Task<IReadOnlyList<ConsentGrant>> GetGrantsAsync(CancellationToken cancellationToken) => Task.FromResult(grants);

    public Task<ConsentGrant?> GetGrantAsync(string consentId, int version, CancellationToken cancellationToken) =>
        Task.FromResult(grants.FirstOrDefault(g => g.ConsentId == consentId && g.Version == version));

    public async IAsyncEnumerable<ConsentChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Nothing changes: the egress side reads the grants on every pass.
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }

    public Task<ConsentIntegrityReport> CheckIntegrityAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ConsentIntegrityReport(true, grants.Count, null, null, DateTimeOffset.UnixEpoch, null));

    public Task<PurposeCatalogue?> GetCatalogueAsync(CancellationToken cancellationToken)
    {
        var purposes = grants.GroupBy(g => g.Purpose, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            return new Purpose(g.Key, 1, new LocalizedText(g.Key, g.Key), new LocalizedText(g.Key, g.Key), first.PurposeIri, first.Recipient,
                first.OnwardSharing, [.. g.Select(v => v.Category).Distinct()], [.. g.Select(v => v.Granularity).Distinct()], first.Retention)
            {
                AsksDistrict = g.Any(v => v.District is not null),
            };
        }).ToList();
        return Task.FromResult<PurposeCatalogue?>(new PurposeCatalogue(city, 1, DateTimeOffset.UnixEpoch, "https://city.example/privacy",
            new CatalogueController(city), purposes));
    }
}
