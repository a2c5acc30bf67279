namespace Aizu.Egress;

/// <summary>What a message claims it was released under: the consent version and the exact terms it relied on.</summary>
/// <param name="ConsentId">Consent id.</param>
/// <param name="Version">Consent version.</param>
/// <param name="Category">Data category.</param>
/// <param name="Granularity">Temporal granularity.</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Recipient">Recipient id.</param>
public sealed record ConsentTerms(string ConsentId, int Version, string Category, string Granularity, string Purpose, string Recipient)
{
    /// <summary><c>consent-id@version</c>.</summary>
    public string Reference => $"{ConsentId}@{Version}";

    /// <summary>The terms of <paramref name="grant"/>.</summary>
    public static ConsentTerms Of(ConsentGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return new(grant.ConsentId, grant.Version, grant.Category, grant.Granularity, grant.Purpose, grant.Recipient);
    }

    /// <summary>True when <paramref name="grant"/> allows exactly these category, granularity, purpose and recipient.</summary>
    public bool MatchExactly(ConsentGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return string.Equals(Category, grant.Category, StringComparison.Ordinal)
            && string.Equals(Granularity, grant.Granularity, StringComparison.Ordinal)
            && string.Equals(Purpose, grant.Purpose, StringComparison.Ordinal)
            && string.Equals(Recipient, grant.Recipient, StringComparison.Ordinal);
    }
}
