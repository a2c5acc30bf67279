namespace Aizu.Consent;

/// <summary>
/// The part of a receipt that Kantara v1.1 has no fields for and ISO/IEC TS 27560 asks for: the event
/// (what was decided, by whom, when), the exact terms, and the ledger entry it corresponds to, so a
/// household can show that its ledger still holds the event.
/// </summary>
/// <param name="ConsentId">The consent.</param>
/// <param name="Version">The version decided on.</param>
/// <param name="Event">The ledger event type (<c>given</c>, <c>renewed</c>, <c>withdrawn</c> …).</param>
/// <param name="Status">DPV consent status IRI after the event.</param>
/// <param name="Actor">Who decided: <c>household</c>.</param>
/// <param name="EventTime">When (UTC, as in the ledger).</param>
/// <param name="Grant">The full terms of the version.</param>
/// <param name="PurposeVersion">The catalogue version of the purpose.</param>
/// <param name="CatalogueSequence">The catalogue edition in force (0 when none could be read).</param>
/// <param name="LedgerSeq">The ledger event's sequence number.</param>
/// <param name="LedgerHash">The ledger event's SHA-256 hash.</param>
public sealed record ReceiptRecord(
    string ConsentId,
    int Version,
    string Event,
    string Status,
    string Actor,
    string EventTime,
    ConsentGrant Grant,
    int PurposeVersion,
    long CatalogueSequence,
    long LedgerSeq,
    string LedgerHash);
