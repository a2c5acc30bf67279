namespace Aizu.Panel;

/// <summary>
/// A signed receipt, readable: the JWS as stored (what the household keeps and can verify offline) and the
/// fields of the signed document, after checking the signature with the gateway's public key.
/// </summary>
/// <param name="ReceiptId">The receipt's id.</param>
/// <param name="ConsentId">The consent.</param>
/// <param name="Version">The version decided on.</param>
/// <param name="Seq">The ledger entry it records.</param>
/// <param name="Jws">The JWS compact serialisation (ES256).</param>
/// <param name="Verified">True when the signature holds with the gateway's key.</param>
/// <param name="Problem">Why it does not verify, or null.</param>
/// <param name="Event">The decision (<c>given</c>, <c>withdrawn</c>, <c>renewed</c> …).</param>
/// <param name="EventTime">When (UTC).</param>
/// <param name="Actor">Who decided.</param>
/// <param name="Status">DPV consent status IRI after the decision.</param>
/// <param name="Purpose">Purpose id.</param>
/// <param name="PurposeTitle">The purpose as the receipt names it.</param>
/// <param name="PurposeIri">DPV purpose IRI.</param>
/// <param name="Category">Data category.</param>
/// <param name="Granularity">Granularity.</param>
/// <param name="Recipient">Recipient.</param>
/// <param name="OnwardSharing">Whether it may be passed on.</param>
/// <param name="ValidFrom">Start of validity.</param>
/// <param name="ExpiresAt">End of validity.</param>
/// <param name="Retention">Recipient's retention.</param>
/// <param name="Controller">Who is responsible for the data.</param>
/// <param name="PolicyUrl">The controller's privacy policy.</param>
/// <param name="PrincipalId">The household's pseudonym on the receipt.</param>
/// <param name="CollectionMethod">How consent was collected.</param>
/// <param name="Jurisdiction">Jurisdiction.</param>
/// <param name="LedgerHash">The ledger entry's fingerprint.</param>
internal sealed record ConsentReceiptView(
    string ReceiptId,
    string ConsentId,
    int Version,
    long Seq,
    string Jws,
    bool Verified,
    string? Problem,
    string? Event,
    string? EventTime,
    string? Actor,
    string? Status,
    string? Purpose,
    string? PurposeTitle,
    string? PurposeIri,
    string? Category,
    string? Granularity,
    string? Recipient,
    bool? OnwardSharing,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ExpiresAt,
    string? Retention,
    string? Controller,
    string? PolicyUrl,
    string? PrincipalId,
    string? CollectionMethod,
    string? Jurisdiction,
    string? LedgerHash);
