namespace Aizu.Storage;

/// <summary>
/// A consumer's ordered way through the store (the InfluxDB mirror): what came after a position, and
/// the consumer's own saved positions. It can change nothing but its own cursors.
/// </summary>
public interface IReadingFeed
{
    /// <summary>Every series the store knows, by name.</summary>
    Task<IReadOnlyList<SeriesInfo>> GetSeriesAsync(CancellationToken cancellationToken);

    /// <summary>The reading of <paramref name="series"/> with the latest timestamp, or null when there is none.</summary>
    Task<Reading?> GetLatestAsync(string series, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxCount"/> readings of <paramref name="series"/> stamped strictly after
    /// <paramref name="after"/> (from the first reading when null), oldest first.
    /// </summary>
    Task<IReadOnlyList<Reading>> GetReadingsAfterAsync(string series, DateTimeOffset? after, int maxCount, CancellationToken cancellationToken);

    /// <summary>How many readings of <paramref name="series"/> are stamped strictly after <paramref name="after"/> (all of them when null).</summary>
    Task<long> CountReadingsAfterAsync(string series, DateTimeOffset? after, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="maxCount"/> rollup buckets of <paramref name="series"/> at <paramref name="resolution"/>
    /// starting strictly after <paramref name="afterStart"/>, oldest first, each as stored; the one still filling included.
    /// </summary>
    Task<IReadOnlyList<AggregatePoint>> GetRollupsAfterAsync(
        string series, Resolution resolution, DateTimeOffset? afterStart, int maxCount, CancellationToken cancellationToken);

    /// <summary>The positions <paramref name="consumer"/> saved with <see cref="SetCursorsAsync"/>, by key; empty when none.</summary>
    Task<IReadOnlyDictionary<string, long>> GetCursorsAsync(string consumer, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="positions"/> for <paramref name="consumer"/> in one transaction, durably like an append.</summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is written.</exception>
    Task SetCursorsAsync(string consumer, IEnumerable<KeyValuePair<string, long>> positions, CancellationToken cancellationToken);
}
