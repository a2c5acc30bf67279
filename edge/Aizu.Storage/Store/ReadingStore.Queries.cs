namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    /// <summary>The reading of <paramref name="series"/> with the latest timestamp, or null when there is none.</summary>
    public Task<Reading?> GetLatestAsync(string series, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        return ReadAsync<Reading?>((connection, raw) =>
        {
            if (FindSeries(connection, series) is not { } info || !raw.TryPointBefore(info.Id, long.MaxValue, out var latest))
            {
                return null;
            }

            return ToReading(series, info.Unit, latest);
        }, cancellationToken);
    }

    /// <summary>Readings of <paramref name="series"/> with <paramref name="from"/> ≤ timestamp &lt; <paramref name="to"/>, oldest first.</summary>
    public Task<IReadOnlyList<Reading>> GetRangeAsync(string series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        return ReadAsync<IReadOnlyList<Reading>>((connection, raw) =>
        {
            if (FindSeries(connection, series) is not { } info)
            {
                return [];
            }

            var points = new PointBuffer();
            raw.ReadRange(info.Id, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), points);
            var readings = new Reading[points.Count];
            for (var i = 0; i < readings.Length; i++)
            {
                readings[i] = ToReading(series, info.Unit, new RawPoint(points.Timestamps[i], points.Values[i], points.Qualities[i]));
            }

            return readings;
        }, cancellationToken);
    }

    /// <summary>
    /// Energy a cumulative register (<c>elec.import.energy</c>, kWh) counted in [<paramref name="from"/>, <paramref name="to"/>):
    /// the latest value at or before <paramref name="to"/> minus the last value at or before <paramref name="from"/>
    /// (or, when nothing precedes <paramref name="from"/>, the first value after it). Null when the series
    /// has no value in that span.
    /// </summary>
    /// <remarks>
    /// Computed from raw readings, so it fits spans of hours or days; <see cref="GetEnergyTotalsAsync"/>
    /// and <see cref="GetEnergyByTariffAsync"/> answer from rollups. A register that goes down rolled
    /// over or was reset; see <see cref="RegisterArithmetic"/> for how each is counted.
    /// </remarks>
    public Task<double?> GetCumulativeDeltaAsync(string series, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of the span precedes its start.");
        }

        return ReadAsync((connection, raw) =>
        {
            if (FindSeries(connection, series) is not { } info)
            {
                return (double?)null;
            }

            var fromMs = from.ToUnixTimeMilliseconds();
            var toMs = to.ToUnixTimeMilliseconds();
            long start;
            if (raw.TryPointBefore(info.Id, fromMs + 1, out var before))
            {
                start = before.TimestampMs;
            }
            else if (raw.TryPointAfter(info.Id, fromMs - 1, out var after) && after.TimestampMs <= toMs)
            {
                start = after.TimestampMs;
            }
            else
            {
                return null;
            }

            var points = new PointBuffer();
            raw.ReadRange(info.Id, start, toMs + 1, points);
            return RegisterArithmetic.SumOfRises(points.Values.ToArray());
        }, cancellationToken);
    }

    /// <summary>The number of stored readings across all series.</summary>
    /// <remarks>Sums chunk headers and counts the row tables; fine for a status page, not for a hot path.</remarks>
    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        ReadAsync((connection, _) =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT coalesce(sum(count), 0) FROM chunk)
                     + (SELECT count(*) FROM open_reading)
                     + (SELECT count(*) FROM late_reading WHERE replaces = 0);
                """;
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    /// <summary>Every series the store knows, by name.</summary>
    public Task<IReadOnlyList<SeriesInfo>> GetSeriesAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<SeriesInfo>>((connection, _) =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, unit FROM series ORDER BY name;";
            using var reader = command.ExecuteReader();
            var list = new List<SeriesInfo>();
            while (reader.Read())
            {
                list.Add(new SeriesInfo(reader.GetString(0), reader.GetString(1)));
            }

            return list;
        }, cancellationToken);

    /// <summary>
    /// Commits the readings waiting for the commit window, then runs <paramref name="query"/> on a fresh read
    /// connection inside one read transaction, so every statement sees the same snapshot while appends go on.
    /// </summary>
    private async Task<T> ReadAsync<T>(Func<SqliteConnection, RawReader, T> query, CancellationToken cancellationToken)
    {
        await SettleBeforeReadAsync(cancellationToken);
        return await ReadCommittedAsync(query, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="query"/> on what is committed (readings waiting for the commit window are not
    /// seen). Chunks found damaged are quarantined afterwards.
    /// </summary>
    private async Task<T> ReadCommittedAsync<T>(Func<SqliteConnection, RawReader, T> query, CancellationToken cancellationToken)
    {
        var corrupt = new List<CorruptChunk>();
        var result = await database.ReadAsync((connection, transaction) => query(connection, new RawReader(connection, transaction, corrupt)), cancellationToken);
        if (corrupt.Count > 0)
        {
            await database.WriteAsync(connection =>
            {
                using var transaction = connection.BeginTransaction();
                Quarantine(connection, transaction, corrupt);
                transaction.Commit();
                return 0;
            }, cancellationToken);
        }

        return result;
    }

    /// <summary>Id and unit of a series, on a read connection (the writer's cache is not the read snapshot).</summary>
    private static (long Id, string Unit)? FindSeries(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, unit FROM series WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static Reading ToReading(string series, string unit, RawPoint point) => new(
        series,
        DateTimeOffset.FromUnixTimeMilliseconds(point.TimestampMs),
        point.Value,
        unit,
        (ReadingQuality)point.Quality);
}
