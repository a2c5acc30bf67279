namespace Aizu.Panel;

/// <summary>The latest version of one consent (one purpose × one data category), with its receipts and ledger entries.</summary>
/// <param name="ConsentId">Stable id across versions.</param>
/// <param name="Version">Version number.</param>
/// <param name="Reference"><c>consent-id@version</c>, as stamped on every message sent under it.</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="Category">Data category.</param>
/// <param name="Granularity">Granularity (ISO 8601 duration).</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="OnwardSharing">Whether the recipient may pass it on.</param>
/// <param name="RoundTo">Rounding step in the value's unit (0: none).</param>
/// <param name="NoiseScale">Local noise scale (0: none).</param>
/// <param name="ValidFrom">Start of validity.</param>
/// <param name="ExpiresAt">End of validity.</param>
/// <param name="Retention">How long the recipient keeps what it receives.</param>
/// <param name="Status"><c>requested</c>, <c>deferred</c>, <c>refused</c>, <c>given</c>, <c>renewed</c>, <c>expired</c>, <c>withdrawn</c> or <c>revoked</c>.</param>
/// <param name="Active">True when in force now (given or renewed, not expired).</param>
/// <param name="Pending">True for an open request (requested or deferred): never consent.</param>
/// <param name="Changed">True for a request that follows an earlier version (the city changed the terms).</param>
/// <param name="DaysLeft">Whole days until expiry, for consents in force.</param>
/// <param name="CanRenew">True when it can be renewed with the same terms.</param>
/// <param name="Receipts">Signed receipts of the household's decisions, oldest first.</param>
/// <param name="History">Every ledger entry of this consent, oldest first.</param>
internal sealed record ConsentItem(
    string ConsentId,
    int Version,
    string Reference,
    string Purpose,
    string Category,
    string Granularity,
    string Recipient,
    bool OnwardSharing,
    double RoundTo,
    double NoiseScale,
    DateTimeOffset ValidFrom,
    DateTimeOffset ExpiresAt,
    string Retention,
    string Status,
    bool Active,
    bool Pending,
    bool Changed,
    int? DaysLeft,
    bool CanRenew,
    IReadOnlyList<ConsentReceiptSummary> Receipts,
    IReadOnlyList<ConsentLedgerEntry> History)
{
    /// <summary>The latest verified deletion confirmation of this consent's data, or null when none arrived.</summary>
    public ConsentDeletionConfirmation? DeletionConfirmed { get; init; }

    /// <summary>The district shared under this consent, or null when the household did not share it.</summary>
    public string? District { get; init; }
}
