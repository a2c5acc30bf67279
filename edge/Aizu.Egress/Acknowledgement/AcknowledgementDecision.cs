namespace Aizu.Egress;

/// <summary>The egress policy's decision on one alert acknowledgement under one consent, with the message when released.</summary>
/// <param name="Terms">Consent version and terms (category <c>alert.ack</c>).</param>
/// <param name="AlertReference">The CAP reference of the acknowledged alert, <c>sender,identifier,sent</c>.</param>
/// <param name="AcknowledgedAt">When the household pressed the button.</param>
/// <param name="Outcome">Released or refused.</param>
/// <param name="Detail">Why, for refusals.</param>
/// <param name="Message">The message, only when released.</param>
/// <param name="Pseudonym">The pseudonym used, only when released (needed for a later deletion request).</param>
public sealed record AcknowledgementDecision(
    ConsentTerms Terms,
    string AlertReference,
    DateTimeOffset AcknowledgedAt,
    ReleaseOutcome Outcome,
    string Detail,
    UplinkMessage? Message,
    string? Pseudonym)
{
    /// <summary>The data set the message belongs to, only when released: the gateway records its pseudonym and period.</summary>
    public DataSet? DataSet { get; init; }
}
