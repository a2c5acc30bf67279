namespace Aizu.Egress;

/// <summary>The result of offering one alert acknowledgement to the egress side under one <c>alert.ack</c> consent.</summary>
/// <param name="ConsentReference"><c>consent-id@version</c> it was decided under.</param>
/// <param name="Purpose">The consent's purpose.</param>
/// <param name="Outcome">Queued, already queued, or refused.</param>
/// <param name="MessageId">The outbox message id when queued (now or before).</param>
/// <param name="Detail">Why, for refusals.</param>
public sealed record AcknowledgementRelease(string ConsentReference, string Purpose, AcknowledgementOutcome Outcome, string? MessageId, string Detail);
