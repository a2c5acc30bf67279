namespace Aizu.Consent;

/// <summary>Where a consent stands: its latest event.</summary>
/// <param name="Grant">The latest version with its status.</param>
/// <param name="Seq">The event's sequence number.</param>
/// <param name="At">When the event was recorded.</param>
internal sealed record ConsentState(ConsentGrant Grant, long Seq, DateTimeOffset At)
{
    public bool IsActive => Grant.Status is ConsentStatus.Given or ConsentStatus.Renewed;

    public bool IsPending => Grant.Status is ConsentStatus.Requested or ConsentStatus.Deferred;
}
