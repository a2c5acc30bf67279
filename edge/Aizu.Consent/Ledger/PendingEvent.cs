namespace Aizu.Consent;

/// <summary>An event a decision wants to record; its type is <see cref="ConsentGrant.Status"/> of <paramref name="Grant"/>.</summary>
/// <param name="Grant">The version's terms and status after the event.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="WithReceipt">True for the household's decision that the receipt documents.</param>
internal sealed record PendingEvent(ConsentGrant Grant, ConsentActor Actor, bool WithReceipt);
