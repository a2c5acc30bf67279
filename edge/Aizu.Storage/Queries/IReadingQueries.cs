namespace Aizu.Storage;

/// <summary>
/// Reading the household's data back, for the panel, the export and the egress aggregation: readings,
/// rollups and totals. Nothing here changes the store.
/// </summary>
/// <remarks>Every query may throw <see cref="StoreUnavailableException"/> when the file cannot be read.</remarks>
public interface IReadingQueries
{
    /// <summary>The reading of <paramref name="series"/> with the latest timestamp, or null when there is none.</summary>
    Task<Reading?> GetLatestAsync(string series, CancellationToken cancellationToken);

    /// <summary>Readings of <paramref name="series"/> with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<Reading>> GetRangeAsync(string series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// Energy a cumulative register counted in [<paramref name="from"/>, <paramref name="to"/>), from raw
    /// readings; null when the series has no value in that span.
    /// </summary>
    Task<double?> GetCumulativeDeltaAsync(string series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>The number of stored readings across all series.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Every series the store knows, by name.</summary>
    Task<IReadOnlyList<SeriesInfo>> GetSeriesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Buckets of <paramref name="series"/> in [<paramref name="from"/>, <paramref name="to"/>) at
    /// <paramref name="resolution"/>, or at the finest resolution that fits <paramref name="maxPoints"/> when it is <see cref="Resolution.Auto"/>.
    /// </summary>
    Task<AggregateRange> GetRangeAsync(
        string series, DateTimeOffset from, DateTimeOffset to, Resolution resolution, int maxPoints, CancellationToken cancellationToken);

    /// <summary>Today's, this month's and all-time growth of a cumulative series, from rollups.</summary>
    Task<EnergyTotals> GetEnergyTotalsAsync(string series, CancellationToken cancellationToken);

    /// <summary>Energy of <paramref name="series"/> in [<paramref name="from"/>, <paramref name="to"/>) split by the tariff's <paramref name="periods"/>.</summary>
    Task<IReadOnlyList<TariffEnergy>> GetEnergyByTariffAsync(
        string series, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<TariffPeriod> periods, CancellationToken cancellationToken);
}
