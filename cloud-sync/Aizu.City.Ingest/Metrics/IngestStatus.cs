namespace Aizu.City.Ingest;

/// <summary>An instance's counters at one moment (<c>/status</c>, <c>aizu-city ingest status</c>).</summary>
/// <param name="Instance">The instance's client id.</param>
/// <param name="Connected">Whether it is connected to the broker.</param>
/// <param name="Received">Messages received.</param>
/// <param name="Stored">Windows stored.</param>
/// <param name="Duplicates">Re-sent windows already stored (acknowledged, not stored again).</param>
/// <param name="ConsentStates">Consent states applied.</param>
/// <param name="DeletionRequests">Deletion requests carried out.</param>
/// <param name="RowsDeleted">Aggregates deleted on request.</param>
/// <param name="Waiting">Messages received and not yet acknowledged.</param>
/// <param name="Rejected">Refused messages by reason.</param>
/// <param name="Recent">The latest refusals, newest first.</param>
public sealed record IngestStatus(
    string Instance,
    bool Connected,
    long Received,
    long Stored,
    long Duplicates,
    long ConsentStates,
    long DeletionRequests,
    long RowsDeleted,
    long Waiting,
    IReadOnlyDictionary<string, long> Rejected,
    IReadOnlyList<RecentRejection> Recent)
{
    /// <summary>Alert acknowledgements stored.</summary>
    public long AlertAcks { get; init; }
}
