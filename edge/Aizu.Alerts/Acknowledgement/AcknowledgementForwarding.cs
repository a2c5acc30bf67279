namespace Aizu.Alerts;

/// <summary>Whether an acknowledgement was passed on to the city.</summary>
public enum AcknowledgementForwarding
{
    /// <summary>Kept on the gateway: this gateway has no connection to the city configured.</summary>
    NotConfigured,

    /// <summary>Kept on the gateway: the household has not given an <c>alert.ack</c> consent (the default).</summary>
    NotConsented,

    /// <summary>Queued for the city under the household's <c>alert.ack</c> consent.</summary>
    Queued,

    /// <summary>Already queued for the city by an earlier press; nothing new was queued.</summary>
    AlreadyQueued,

    /// <summary>Kept on the gateway: the consent did not allow it (see the detail).</summary>
    Refused,
}
