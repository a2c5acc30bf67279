namespace Aizu.Consent;

/// <summary>A consent changed state: the new latest version.</summary>
/// <param name="Grant">The consent's latest version after the change.</param>
/// <param name="At">When the change was recorded.</param>
public sealed record ConsentChange(ConsentGrant Grant, DateTimeOffset At);
