namespace Aizu.Consent;

/// <summary>A signed receipt as the gateway keeps it, tied to the ledger event it records.</summary>
/// <param name="ReceiptId">The receipt's <c>consentReceiptID</c>.</param>
/// <param name="Seq">The ledger event it records.</param>
/// <param name="ConsentId">The consent.</param>
/// <param name="Version">The version.</param>
/// <param name="Jws">The JWS compact serialisation.</param>
public sealed record StoredReceipt(string ReceiptId, long Seq, string ConsentId, int Version, string Jws);
