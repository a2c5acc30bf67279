namespace Aizu.Storage;

/// <summary>
/// The key of an <c>open_reading</c> row: its timestamp times 2^20 plus its series id (see <see cref="StorageSchema"/>,
/// version 3), so rows sort by time and then series and a time range is a key range.
/// </summary>
internal static class OpenRowKey
{
    /// <summary>Series ids stay below this (2^20); the low 20 bits of a key.</summary>
    public const long SeriesBits = 20;

    /// <summary>The most series a store can hold: ids are 1 … 2^20 − 1, so a key's low bits never reach the next timestamp.</summary>
    public const long MaxSeriesId = (1L << (int)SeriesBits) - 1;

    private const long Largest = long.MaxValue >> (int)SeriesBits;
    private const long Smallest = long.MinValue >> (int)SeriesBits;

    /// <summary>
    /// The key of <paramref name="seriesId"/>'s row at <paramref name="ms"/>. An id beyond <see cref="MaxSeriesId"/> would
    /// spill into the timestamp and silently replace another series' row, so it is refused (series creation refuses it first).
    /// </summary>
    public static long Of(long seriesId, long ms)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seriesId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(seriesId, MaxSeriesId);
        return (ms << (int)SeriesBits) | seriesId;
    }

    /// <summary>The smallest key at <paramref name="ms"/>; saturates instead of overflowing for the open bounds callers pass (long.MaxValue).</summary>
    public static long First(long ms) => ms > Largest ? long.MaxValue : ms < Smallest ? long.MinValue : ms << (int)SeriesBits;

    /// <summary>The largest key at <paramref name="ms"/>.</summary>
    public static long Last(long ms) => ms > Largest ? long.MaxValue : ms < Smallest ? long.MinValue : (ms << (int)SeriesBits) | ((1L << (int)SeriesBits) - 1);
}
