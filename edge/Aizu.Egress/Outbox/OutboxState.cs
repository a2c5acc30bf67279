namespace Aizu.Egress;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be sent, or to be sent again.</summary>
    Pending = 0,

    /// <summary>The broker acknowledged it with a success reason code.</summary>
    Delivered = 1,

    /// <summary>Never sent and never will be: its consent ended first.</summary>
    Dropped = 2,

    /// <summary>
    /// Never sent: its seal did not hold (the row was added or changed outside the egress policy). Kept,
    /// with the reason, for the household and an auditor to see.
    /// </summary>
    Quarantined = 3,
}
