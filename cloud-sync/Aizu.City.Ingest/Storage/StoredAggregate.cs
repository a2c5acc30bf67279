namespace Aizu.City.Ingest;

/// <summary>One stored aggregate, as the analyst side and the tests read it.</summary>
/// <param name="MessageId">The gateway's message id.</param>
/// <param name="DataSet">Purpose and pseudonym.</param>
/// <param name="Category">Data category.</param>
/// <param name="Start">Window start.</param>
/// <param name="Aggregation">Window length, ISO 8601.</param>
/// <param name="ValueWh">Energy, Wh.</param>
/// <param name="Consent">Consent reference it was released under.</param>
/// <param name="RetainUntil">When the retention job deletes it.</param>
public sealed record StoredAggregate(string MessageId, DataSet DataSet, string Category, DateTimeOffset Start, string Aggregation, double ValueWh, string Consent, DateTimeOffset RetainUntil)
{
    /// <summary>The district of the grant it was accepted under; null when the household did not share one.</summary>
    public string? District { get; init; }
}
