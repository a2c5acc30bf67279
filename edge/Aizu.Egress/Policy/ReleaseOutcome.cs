namespace Aizu.Egress;

/// <summary>What the egress side decided about one window of one consent.</summary>
public enum ReleaseOutcome
{
    /// <summary>A message was made and committed to the outbox.</summary>
    Released = 0,

    /// <summary>The store had no values for the window; nothing leaves.</summary>
    NoData = 1,

    /// <summary>The policy refused; nothing leaves. The reason is recorded.</summary>
    Refused = 2,
}
