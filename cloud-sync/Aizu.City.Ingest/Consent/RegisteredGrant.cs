namespace Aizu.City.Ingest;

/// <summary>One grant as the registry knows it: its terms and when a consent state listed it.</summary>
/// <param name="Scope">The consent topic's key that listed it.</param>
/// <param name="Consent">The consent reference (opaque).</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Category">Data category.</param>
/// <param name="Granularity">ISO 8601 duration.</param>
/// <param name="Recipient">Recipient id.</param>
/// <param name="ValidFrom">Start of validity.</param>
/// <param name="ExpiresAt">End of validity.</param>
/// <param name="Retention">How long the recipient may keep the data (ISO 8601; empty: the ingest's default).</param>
/// <param name="ListedFrom">The first consent state (its time) that listed it.</param>
/// <param name="EndedAt">The first consent state (its time) that no longer listed it; null while listed.</param>
public sealed record RegisteredGrant(
    string Scope,
    string Consent,
    string Purpose,
    string Category,
    string Granularity,
    string Recipient,
    DateTimeOffset ValidFrom,
    DateTimeOffset ExpiresAt,
    string Retention,
    DateTimeOffset ListedFrom,
    DateTimeOffset? EndedAt)
{
    /// <summary>The household's district, listed only when it chose to share it for this purpose; null otherwise.</summary>
    public string? District { get; init; }
}
