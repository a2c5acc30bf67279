namespace Aizu.Panel;

/// <summary>One signed receipt in a consent's list: what was decided and when; the JWS is fetched on demand.</summary>
internal sealed record ConsentReceiptSummary(string ReceiptId, long Seq, int Version, string Event, DateTimeOffset At);
