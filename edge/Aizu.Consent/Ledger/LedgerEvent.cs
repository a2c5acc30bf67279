namespace Aizu.Consent;

/// <summary>One entry of the consent ledger, as stored. Events are never changed or removed.</summary>
/// <param name="Seq">1, 2, 3 … without gaps.</param>
/// <param name="Time">When it was recorded (UTC).</param>
/// <param name="Type">The event: the status the version entered (requested, given, renewed, withdrawn, expired, revoked, deferred, refused).</param>
/// <param name="ConsentId">The consent.</param>
/// <param name="Version">The version it concerns.</param>
/// <param name="Grant">The version's full terms and status after the event.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="PrevHash">The previous event's hash (64 zeros for the first).</param>
/// <param name="Hash">This event's hash (see docs/privacy.md).</param>
public sealed record LedgerEvent(
    long Seq,
    DateTimeOffset Time,
    ConsentStatus Type,
    string ConsentId,
    int Version,
    ConsentGrant Grant,
    ConsentActor Actor,
    string PrevHash,
    string Hash);
