namespace Aizu.Consent;

/// <summary>
/// The household's grants as the egress side sees them: read-only. Changing consent happens only
/// through the consent service (panel, CLI), which records every decision in the ledger.
/// </summary>
public interface IConsentRegistry
{
    /// <summary>The latest version of every consent, whatever its status.</summary>
    Task<IReadOnlyList<ConsentGrant>> GetGrantsAsync(CancellationToken cancellationToken);

    /// <summary>One exact version, or null.</summary>
    Task<ConsentGrant?> GetGrantAsync(string consentId, int version, CancellationToken cancellationToken);

    /// <summary>
    /// Completes with the id of each consent whose state changes (given, withdrawn, expired …), in order.
    /// The egress side uses it to drop pending messages of a withdrawn grant at once.
    /// </summary>
    IAsyncEnumerable<ConsentChange> WatchAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether the record behind these grants can be trusted (see <see cref="ConsentIntegrity"/>). The
    /// egress side sends nothing while it is not intact.
    /// </summary>
    Task<ConsentIntegrityReport> CheckIntegrityAsync(CancellationToken cancellationToken);

    /// <summary>The city's signed purpose catalogue in force, or null: every message is checked against its terms when sent.</summary>
    Task<PurposeCatalogue?> GetCatalogueAsync(CancellationToken cancellationToken);
}
