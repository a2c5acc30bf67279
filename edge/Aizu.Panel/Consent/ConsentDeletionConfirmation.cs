namespace Aizu.Panel;

/// <summary>The recipient's signed confirmation that it deleted what it held under a withdrawn consent (verified on arrival).</summary>
/// <param name="At">When the recipient committed the deletion, as it signed.</param>
/// <param name="Recipient">Who deleted.</param>
/// <param name="Rows">How many stored totals it deleted.</param>
internal sealed record ConsentDeletionConfirmation(DateTimeOffset At, string Recipient, long Rows);
