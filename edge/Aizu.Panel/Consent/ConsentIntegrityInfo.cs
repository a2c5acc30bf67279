namespace Aizu.Panel;

/// <summary>
/// Whether the consent ledger can be trusted, in <c>GET /api/consent</c> (and after a re-confirmation).
/// While <see cref="Trusted"/> is false nothing leaves the gateway; the screen shows <see cref="Problem"/>,
/// <see cref="WhatToDo"/> and the consents in force, and <c>POST /api/consent/reconfirm</c> with
/// <see cref="HeadSeq"/> re-confirms them.
/// </summary>
/// <param name="Trusted">True when every check holds.</param>
/// <param name="HeadSeq">The ledger's last event: what a re-confirmation names.</param>
/// <param name="BrokenAt">The first event found wrong, or null.</param>
/// <param name="Problem">What is wrong, or null.</param>
/// <param name="WhatToDo">What the household does about it, or null.</param>
/// <param name="ReconfirmedAt">When the household last re-confirmed, or null.</param>
/// <param name="Sending">True while the running gateway's egress is open (false when it is stopped, or no city link is configured).</param>
/// <param name="SendingStoppedBecause">Why the running gateway sends nothing, when it is stopped.</param>
internal sealed record ConsentIntegrityInfo(
    bool Trusted,
    long HeadSeq,
    long? BrokenAt,
    string? Problem,
    string? WhatToDo,
    DateTimeOffset? ReconfirmedAt,
    bool Sending,
    string? SendingStoppedBecause);
