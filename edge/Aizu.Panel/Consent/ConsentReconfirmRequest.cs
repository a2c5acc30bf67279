namespace Aizu.Panel;

/// <summary>The body of <c>POST /api/consent/reconfirm</c>.</summary>
/// <param name="HeadSeq">The ledger's last event as the screen showed it (<see cref="ConsentIntegrityInfo.HeadSeq"/>): the household confirms what it saw, not what changed since.</param>
internal sealed record ConsentReconfirmRequest(long HeadSeq);
