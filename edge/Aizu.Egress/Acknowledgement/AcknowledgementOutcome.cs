namespace Aizu.Egress;

/// <summary>What became of an alert acknowledgement under one consent.</summary>
public enum AcknowledgementOutcome
{
    /// <summary>Queued in the outbox; it leaves when the uplink is connected and the consent still holds.</summary>
    Queued,

    /// <summary>This alert was acknowledged under this consent before; nothing new was queued.</summary>
    AlreadyQueued,

    /// <summary>The egress policy refused it (see the detail); nothing was queued.</summary>
    Refused,
}
