namespace Aizu.Consent;

/// <summary>The outcome of checking a receipt: the receipt when its signature holds, otherwise why not.</summary>
/// <param name="IsValid">True when the signature verifies and the content is a receipt.</param>
/// <param name="Receipt">The receipt, when valid.</param>
/// <param name="Problem">What is wrong, when not.</param>
public sealed record ReceiptVerification(bool IsValid, ConsentReceipt? Receipt, string? Problem);
