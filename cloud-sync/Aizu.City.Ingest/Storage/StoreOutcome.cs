namespace Aizu.City.Ingest;

/// <summary>What one committed batch did with each window.</summary>
/// <param name="Inserted">Message ids stored now.</param>
/// <param name="Duplicates">Message ids stored before (a re-send): counted once, acknowledged again.</param>
/// <param name="Deleted">Message ids of data sets deleted on request after their window: refused.</param>
public sealed record StoreOutcome(IReadOnlySet<string> Inserted, IReadOnlySet<string> Duplicates, IReadOnlySet<string> Deleted);
