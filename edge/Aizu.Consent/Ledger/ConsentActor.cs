namespace Aizu.Consent;

/// <summary>Who caused a ledger event.</summary>
public enum ConsentActor
{
    /// <summary>The household decided (given, renewed, withdrawn, deferred, refused). Only these get receipts.</summary>
    Household = 0,

    /// <summary>The city's catalogue asked (requested) or ended a purpose (revoked).</summary>
    City = 1,

    /// <summary>The gateway applied a rule: a grant's time ran out (expired) or a request went unanswered (deferred).</summary>
    Gateway = 2,
}
