namespace Aizu.Egress;

/// <summary>
/// The one check between household data and the network, asked twice: when the egress policy makes
/// a message and again when the outbox hands it to the uplink. A message may go only while the exact
/// consent version it names is given or renewed and valid, the latest version of that consent is too,
/// both allow exactly the message's category, granularity, purpose and recipient, and the city's signed
/// purpose catalogue allows the same: purpose in force, that recipient, category and granularity.
/// </summary>
public sealed class ConsentGate(IConsentRegistry registry)
{
    /// <summary>Checks <paramref name="terms"/> against the registry at <paramref name="at"/>.</summary>
    public async Task<ConsentVerdict> CheckAsync(ConsentTerms terms, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!DataCategories.All.Contains(terms.Category, StringComparer.Ordinal))
        {
            return ConsentVerdict.Refuse($"category '{terms.Category}' is not a releasable category");
        }

        if (!Granularity.IsKnown(terms.Granularity))
        {
            return ConsentVerdict.Refuse($"granularity '{terms.Granularity}' is not a releasable granularity");
        }

        var exact = await registry.GetGrantAsync(terms.ConsentId, terms.Version, cancellationToken);
        if (exact is null)
        {
            return ConsentVerdict.Refuse($"consent {terms.Reference} is unknown");
        }

        if (!terms.MatchExactly(exact))
        {
            return ConsentVerdict.Refuse($"consent {terms.Reference} does not allow {terms.Category} {terms.Granularity} for {terms.Purpose} to {terms.Recipient}");
        }

        if (!exact.IsActiveAt(at))
        {
            return ConsentVerdict.Refuse($"consent {terms.Reference} is {exact.Status} and valid {exact.ValidFrom:O} to {exact.ExpiresAt:O}, not at {at:O}");
        }

        // A later version speaks for the household now: a withdrawal or changed terms there end this one.
        var grants = await registry.GetGrantsAsync(cancellationToken);
        var latest = grants.Where(g => string.Equals(g.ConsentId, terms.ConsentId, StringComparison.Ordinal)).MaxBy(g => g.Version);
        if (latest is not null && latest.Version > exact.Version && (!latest.IsActiveAt(at) || !terms.MatchExactly(latest)))
        {
            return ConsentVerdict.Refuse($"consent {terms.Reference} is superseded by {latest.Reference} ({latest.Status})");
        }

        // The grant row is the household's; the terms must also be the city's, as signed in its catalogue.
        return CheckCatalogue(terms, exact, await registry.GetCatalogueAsync(cancellationToken), at) is { } problem
            ? ConsentVerdict.Refuse(problem)
            : ConsentVerdict.Allow;
    }

    /// <summary>Null when the signed <paramref name="catalogue"/> allows <paramref name="terms"/> of <paramref name="grant"/> at <paramref name="at"/>; otherwise why not.</summary>
    private static string? CheckCatalogue(ConsentTerms terms, ConsentGrant grant, PurposeCatalogue? catalogue, DateTimeOffset at)
    {
        if (catalogue?.Find(terms.Purpose) is not { } purpose)
        {
            return $"purpose '{terms.Purpose}' is not in the city's signed catalogue{(catalogue is null ? " (none is in force)" : $" (edition {catalogue.Sequence})")}";
        }

        if (!string.Equals(purpose.Recipient, terms.Recipient, StringComparison.Ordinal))
        {
            return $"the signed catalogue names recipient '{purpose.Recipient}' for '{purpose.Id}', not '{terms.Recipient}'";
        }

        if (!purpose.Categories.Contains(terms.Category, StringComparer.Ordinal))
        {
            return $"the signed catalogue does not ask for {terms.Category} for '{purpose.Id}'";
        }

        if (!purpose.Granularities.Contains(terms.Granularity, StringComparer.Ordinal)
            || GrantRules.CheckResearchOnly(purpose.Id, purpose.Dpv, terms.Granularity) is not null)
        {
            return $"the signed catalogue does not allow {terms.Granularity} for '{purpose.Id}' (it allows {string.Join(", ", purpose.Granularities)})";
        }

        if (purpose.ValidUntil is { } end && end <= at)
        {
            return $"purpose '{purpose.Id}' ended on {end:yyyy-MM-dd} in the signed catalogue";
        }

        return GrantRules.PermitsTerms(purpose, grant)
            ? null
            : $"the signed catalogue's terms for '{purpose.Id}' (purpose type, onward sharing, retention or end) differ from those consent {terms.Reference} was given for";
    }

    /// <summary>The exact consent version <paramref name="terms"/> names, or null.</summary>
    public Task<ConsentGrant?> GetExactAsync(ConsentTerms terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return registry.GetGrantAsync(terms.ConsentId, terms.Version, cancellationToken);
    }
}
