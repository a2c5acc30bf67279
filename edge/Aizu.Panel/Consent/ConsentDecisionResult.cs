namespace Aizu.Panel;

/// <summary>What a decision on the panel recorded: the consent after it, and its signed receipt.</summary>
internal sealed record ConsentDecisionResult(ConsentItem Consent, ConsentReceiptView Receipt);
