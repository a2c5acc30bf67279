namespace Aizu.Consent;

/// <summary>
/// Whether the consent ledger can be trusted to decide what leaves: the outcome of
/// <see cref="ConsentIntegrity.CheckAsync"/>. Egress stops while <see cref="IsIntact"/> is false; the
/// panel, <c>aizu consent verify</c> and (later) <c>aizu doctor</c> show <see cref="Problem"/> and
/// <see cref="WhatToDo"/>.
/// </summary>
/// <param name="IsIntact">True when every check holds.</param>
/// <param name="HeadSeq">The ledger's last event (0 when empty); a re-confirmation must name it.</param>
/// <param name="BrokenSeq">The first event found wrong, or null.</param>
/// <param name="Problem">What is wrong, in one sentence, or null.</param>
/// <param name="CheckedAt">When the check ran.</param>
/// <param name="ReconfirmedAt">When the household last re-confirmed its grants, or null.</param>
public sealed record ConsentIntegrityReport(
    bool IsIntact,
    long HeadSeq,
    long? BrokenSeq,
    string? Problem,
    DateTimeOffset CheckedAt,
    DateTimeOffset? ReconfirmedAt)
{
    /// <summary>What the household does about a problem (the same words on the panel, in the CLI and the log).</summary>
    public const string Remedy =
        "Nothing is sent until you look at your consents and re-confirm them: on the panel's Consent screen, or with 'aizu consent reconfirm'. "
        + "Withdraw anything you do not recognise first.";

    /// <summary><see cref="Remedy"/> when there is a problem, otherwise null.</summary>
    public string? WhatToDo => IsIntact ? null : Remedy;
}
