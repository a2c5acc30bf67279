namespace Aizu.Alerts;

/// <summary>What the gateway did with one received message. Every value is counted in <see cref="AlertStatistics"/>.</summary>
public enum AlertOutcome
{
    /// <summary>A new alert is on the board (it appears on the panel if it is for this household).</summary>
    Shown,

    /// <summary>An Update replaced the alert it references.</summary>
    Updated,

    /// <summary>A Cancel cleared the alert it references (or recorded it, if it was not on the board).</summary>
    Cancelled,

    /// <summary>Received before and still in effect (a retained alert or Cancel delivered again on reconnect).</summary>
    Duplicate,

    /// <summary>A signed, valid message that is not for a household panel (Ack, Error, or not Public): ignored.</summary>
    Ignored,

    /// <summary>A key update was applied.</summary>
    KeyUpdated,

    /// <summary>The key update was applied before (retained and delivered again).</summary>
    KeyUpdateAlreadyApplied,

    /// <summary>Rejected: larger than the configured limit, refused before anything else.</summary>
    RejectedTooLarge,

    /// <summary>Rejected: not signed at all.</summary>
    RejectedUnsigned,

    /// <summary>Rejected: the signature does not verify with a trusted city key.</summary>
    RejectedBadSignature,

    /// <summary>Rejected: signed, but not valid CAP 1.2 (or an unknown content type).</summary>
    RejectedMalformed,

    /// <summary>Rejected: its CAP <c>expires</c> has passed.</summary>
    RejectedExpired,

    /// <summary>Rejected: seen before and since superseded, cancelled or expired, or older than the version shown.</summary>
    RejectedReplayed,

    /// <summary>Rejected: a signed key update that cannot be applied (replayed, malformed, or naming its own signer).</summary>
    RejectedKeyUpdate,
}
