namespace Aizu.Consent;

/// <summary>Every consent's latest state, read inside the transaction that will append to the ledger.</summary>
internal sealed class LedgerSnapshot(IReadOnlyList<ConsentState> states)
{
    public IReadOnlyList<ConsentState> States => states;

    public ConsentState? Find(string consentId) =>
        states.FirstOrDefault(s => string.Equals(s.Grant.ConsentId, consentId, StringComparison.Ordinal));

    /// <summary>The consent for one purpose and category (there is one line of versions per pair).</summary>
    public ConsentState? Find(string purposeId, string category) =>
        states.Where(s => string.Equals(s.Grant.Purpose, purposeId, StringComparison.Ordinal)
                && string.Equals(s.Grant.Category, category, StringComparison.Ordinal))
            .MaxBy(s => s.Seq);
}
