namespace Aizu.Consent;

/// <summary>What a household decision recorded.</summary>
/// <param name="Grant">The consent version after the decision.</param>
/// <param name="Event">The ledger event.</param>
/// <param name="Receipt">The signed receipt handed to the household.</param>
public sealed record ConsentDecision(ConsentGrant Grant, LedgerEvent Event, StoredReceipt Receipt);
