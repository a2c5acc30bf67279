namespace Aizu.Testing.Uplink;

/// <summary>
/// An in-test consent registry: the household's decisions made by the test, with a history of when
/// each version was given and withdrawn so the test can judge, independently of the gateway, whether
/// a message was allowed at the moment it reached the broker.
/// </summary>
public sealed class TestConsentRegistry : IConsentRegistry
{
    private readonly Lock sync = new();
    private readonly Dictionary<(string Id, int Version), ConsentGrant> versions = [];
    private readonly Dictionary<string, DateTimeOffset> givenAt = [];
    private readonly Dictionary<string, DateTimeOffset> endedAt = [];
    private readonly List<Channel<ConsentChange>> watchers = [];

    /// <summary>
    /// The city's signed catalogue as the gateway would see it. Null (the default): the city offers
    /// exactly the terms the test's grants name, so tests about other things are not refused by the
    /// send-time catalogue check; a test about that check sets its own.
    /// </summary>
    public PurposeCatalogue? Catalogue { get; set; }

    /// <summary>Set to make the integrity check report a broken ledger (egress stops); null when intact.</summary>
    public string? IntegrityProblem { get; set; }

    /// <summary>Records <paramref name="grant"/> (given or renewed) at <paramref name="at"/>.</summary>
    public void Give(ConsentGrant grant, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(grant);
        lock (sync)
        {
            versions[(grant.ConsentId, grant.Version)] = grant;
            givenAt[grant.Reference] = at;
        }

        Notify(new ConsentChange(grant, at));
    }

    /// <summary>The household withdraws the latest version of <paramref name="consentId"/> at <paramref name="at"/>.</summary>
    public ConsentGrant Withdraw(string consentId, DateTimeOffset at)
    {
        ConsentGrant withdrawn;
        lock (sync)
        {
            var latest = versions.Values.Where(g => g.ConsentId == consentId).MaxBy(g => g.Version)
                ?? throw new InvalidOperationException($"No consent {consentId}.");
            withdrawn = latest with { Status = ConsentStatus.Withdrawn };
            versions[(consentId, latest.Version)] = withdrawn;
            endedAt[latest.Reference] = at;
        }

        Notify(new ConsentChange(withdrawn, at));
        return withdrawn;
    }

    /// <summary>True when, by the test's own record, <paramref name="reference"/> allowed release at <paramref name="at"/>.</summary>
    public bool WasActiveAt(string reference, DateTimeOffset at)
    {
        lock (sync)
        {
            var grant = versions.Values.SingleOrDefault(g => g.Reference == reference);
            return grant is not null
                && givenAt.TryGetValue(reference, out var given) && given <= at
                && (!endedAt.TryGetValue(reference, out var ended) || at < ended)
                && at >= grant.ValidFrom && at < grant.ExpiresAt;
        }
    }

    /// <summary>The grant version with <paramref name="reference"/>, as given (before any withdrawal).</summary>
    public ConsentGrant Find(string reference)
    {
        lock (sync)
        {
            var grant = versions.Values.Single(g => g.Reference == reference);
            return grant.Status == ConsentStatus.Withdrawn ? grant with { Status = ConsentStatus.Given } : grant;
        }
    }

    /// <summary>When <paramref name="reference"/> was withdrawn, or null.</summary>
    public DateTimeOffset? WithdrawnAt(string reference)
    {
        lock (sync)
        {
            return endedAt.TryGetValue(reference, out var at) ? at : null;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsentGrant>> GetGrantsAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            IReadOnlyList<ConsentGrant> latest = versions.Values.GroupBy(g => g.ConsentId).Select(g => g.MaxBy(v => v.Version)!).ToList();
            return Task.FromResult(latest);
        }
    }

    /// <summary>Every version of every consent, as the household decided them.</summary>
    public IReadOnlyList<ConsentGrant> AllVersions()
    {
        lock (sync)
        {
            return [.. versions.Values];
        }
    }

    /// <summary>Pseudonym periods (<c>P1M</c>) the default catalogue names per purpose; others get the default year.</summary>
    public Dictionary<string, string> PseudonymPeriodOf { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ConsentGrant?> GetGrantAsync(string consentId, int version, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            return Task.FromResult(versions.GetValueOrDefault((consentId, version)));
        }
    }

    /// <inheritdoc />
    public Task<ConsentIntegrityReport> CheckIntegrityAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ConsentIntegrityReport(IntegrityProblem is null, 0, IntegrityProblem is null ? null : 1, IntegrityProblem, DateTimeOffset.UnixEpoch, null));

    /// <inheritdoc />
    public Task<PurposeCatalogue?> GetCatalogueAsync(CancellationToken cancellationToken)
    {
        if (Catalogue is not null)
        {
            return Task.FromResult<PurposeCatalogue?>(Catalogue);
        }

        lock (sync)
        {
            var purposes = versions.Values.GroupBy(g => g.Purpose).Select(g =>
            {
                var first = g.First();
                return new Purpose(g.Key, 1, new LocalizedText(g.Key, g.Key), new LocalizedText(g.Key, g.Key), first.PurposeIri, first.Recipient,
                    first.OnwardSharing, [.. g.Select(v => v.Category).Distinct()], [.. g.Select(v => v.Granularity).Distinct()], first.Retention)
                {
                    PseudonymPeriod = PseudonymPeriodOf.GetValueOrDefault(g.Key, Aizu.Consent.PseudonymPeriods.Year),
                };
            }).ToList();
            return Task.FromResult<PurposeCatalogue?>(new PurposeCatalogue("test city", 1, DateTimeOffset.UnixEpoch, "https://city.example/privacy",
                new CatalogueController("test city"), purposes));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConsentChange> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ConsentChange>();
        lock (sync)
        {
            watchers.Add(channel);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (sync)
            {
                watchers.Remove(channel);
            }
        }
    }

    private void Notify(ConsentChange change)
    {
        lock (sync)
        {
            foreach (var watcher in watchers)
            {
                watcher.Writer.TryWrite(change);
            }
        }
    }
}
