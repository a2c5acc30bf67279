namespace Aizu.City.Ingest;

/// <summary>
/// A window message that passed the contract checks, not yet the consent check: an energy total, or (with
/// <see cref="Alert"/>) an alert acknowledgement, which the consent check treats alike (its window and grant).
/// </summary>
/// <param name="MessageId">The gateway's message id (de-duplication key).</param>
/// <param name="DataSet">Purpose and pseudonym.</param>
/// <param name="Category">Data category.</param>
/// <param name="Start">Window start.</param>
/// <param name="End">Window end (start + aggregation on the UTC calendar).</param>
/// <param name="Aggregation">Window length, ISO 8601.</param>
/// <param name="ValueWh">Energy, Wh.</param>
/// <param name="Consent">The consent reference it was released under (opaque).</param>
public sealed record EnergyWindow(
    string MessageId,
    DataSet DataSet,
    string Category,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Aggregation,
    double ValueWh,
    string Consent)
{
    /// <summary>The CAP reference of the acknowledged alert for an <c>aizu.alert-ack/1</c> message; null for an energy window.</summary>
    public string? Alert { get; init; }
}
