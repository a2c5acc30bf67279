namespace Aizu.Egress;

/// <summary>The egress policy's decision on one window, with the message when released.</summary>
/// <param name="Terms">Consent version and terms.</param>
/// <param name="Window">The window decided on.</param>
/// <param name="Outcome">Released, no data or refused.</param>
/// <param name="Detail">Why, for refusals.</param>
/// <param name="Message">The message, only when released.</param>
/// <param name="Pseudonym">The pseudonym used, only when released (needed for a later deletion request).</param>
public sealed record ReleaseDecision(
    ConsentTerms Terms,
    AggregationWindow Window,
    ReleaseOutcome Outcome,
    string Detail,
    UplinkMessage? Message,
    string? Pseudonym)
{
    /// <summary>The data set the message belongs to, only when released: the gateway records its pseudonym and period.</summary>
    public DataSet? DataSet { get; init; }
}
