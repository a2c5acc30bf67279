namespace Aizu.Consent;

/// <summary>The outcome of checking the ledger's hash chain.</summary>
/// <param name="IsIntact">True when every event links to the one before and matches its hash.</param>
/// <param name="EventCount">Events checked and found intact (all of them when intact).</param>
/// <param name="BrokenSeq">The first sequence number where the chain breaks, or null.</param>
/// <param name="Problem">What is wrong there, or null.</param>
/// <param name="HeadHash">The hash of the last intact event (64 zeros for an empty ledger).</param>
public sealed record LedgerVerification(bool IsIntact, long EventCount, long? BrokenSeq, string? Problem, string HeadHash);
