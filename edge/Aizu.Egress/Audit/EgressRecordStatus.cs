namespace Aizu.Egress;

/// <summary>Where one entry of <see cref="EgressHistory"/> stands, as the household reads it.</summary>
public enum EgressRecordStatus
{
    /// <summary>It left: the broker acknowledged it with a success reason code.</summary>
    Sent = 0,

    /// <summary>
    /// A send that did not count as delivery: the broker answered with a failure reason code (e.g. 0x87 not
    /// authorised), or the connection ended before an answer. The message stays in the outbox and is tried again.
    /// </summary>
    Refused = 1,

    /// <summary>Made by the egress policy and waiting in the outbox to be sent (or sent again).</summary>
    Pending = 2,

    /// <summary>Never sent and never will be: its consent ended first, or its seal did not hold (quarantined; the reason says which).</summary>
    Dropped = 3,
}
