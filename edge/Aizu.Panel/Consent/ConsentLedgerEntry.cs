namespace Aizu.Panel;

/// <summary>One entry of the consent ledger as the panel lists it.</summary>
/// <param name="Seq">Sequence number in the ledger.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="Type">The event (<c>requested</c>, <c>given</c>, <c>withdrawn</c> …).</param>
/// <param name="Actor"><c>household</c>, <c>city</c> or <c>gateway</c>.</param>
/// <param name="Version">The version it concerns.</param>
/// <param name="Granularity">The version's granularity.</param>
/// <param name="Hash">The entry's SHA-256 fingerprint (hex).</param>
internal sealed record ConsentLedgerEntry(long Seq, DateTimeOffset At, string Type, string Actor, int Version, string Granularity, string Hash);
