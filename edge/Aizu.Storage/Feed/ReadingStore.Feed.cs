namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    // How much time one raw read covers while paging forward; gaps are skipped with a neighbour lookup.
    private const long FeedWindowMs = 6 * RollupGrid.HourMs;

    /// <summary>
    /// Up to <paramref name="maxCount"/> readings of <paramref name="series"/> stamped strictly after
    /// <paramref name="after"/> (from the first reading when null), oldest first: how a consumer with its
    /// own cursor (the InfluxDB mirror) pages through the raw data. Gaps cost one index lookup, not a scan.
    /// </summary>
    public Task<IReadOnlyList<Reading>> GetReadingsAfterAsync(string series, DateTimeOffset? after, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return ReadCommittedAsync<IReadOnlyList<Reading>>((connection, raw) =>
        {
            if (FindSeries(connection, series) is not { } info)
            {
                return [];
            }

            var result = new List<Reading>(Math.Min(maxCount, 4_096));
            var points = new PointBuffer();
            var position = after?.ToUnixTimeMilliseconds() ?? long.MinValue;
            while (result.Count < maxCount && raw.TryPointAfter(info.Id, position, out var first))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = first.TimestampMs > long.MaxValue - FeedWindowMs ? long.MaxValue : first.TimestampMs + FeedWindowMs;
                raw.ReadRange(info.Id, first.TimestampMs, end, points);
                var take = Math.Min(points.Count, maxCount - result.Count);
                for (var i = 0; i < take; i++)
                {
                    result.Add(ToReading(series, info.Unit, new RawPoint(points.Timestamps[i], points.Values[i], points.Qualities[i])));
                }

                if (take < points.Count || end == long.MaxValue)
                {
                    break;
                }

                position = end - 1;
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// How many readings of <paramref name="series"/> are stamped strictly after <paramref name="after"/>
    /// (all of them when null). Counts sealed chunks from their headers and decodes at most the one chunk
    /// the position falls in, so it is cheap enough for a status line.
    /// </summary>
    public Task<long> CountReadingsAfterAsync(string series, DateTimeOffset? after, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        return ReadCommittedAsync((connection, raw) =>
        {
            if (FindSeries(connection, series) is not { } info)
            {
                return 0L;
            }

            var from = after is { } position ? position.ToUnixTimeMilliseconds() + 1 : long.MinValue;
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT min(start_ms) FROM chunk WHERE series_id = $s AND start_ms >= $from;";
            command.Parameters.AddWithValue("$s", info.Id);
            command.Parameters.AddWithValue("$from", from);
            var whole = command.ExecuteScalar() is long start ? start : (long?)null;

            // Up to the first chunk that lies wholly after the position: read the points themselves.
            var points = new PointBuffer();
            raw.ReadRange(info.Id, from, whole ?? long.MaxValue, points);
            long count = points.Count;
            if (whole is { } wholeFrom)
            {
                command.CommandText = """
                    SELECT (SELECT coalesce(sum(count), 0) FROM chunk WHERE series_id = $s AND start_ms >= $whole)
                         + (SELECT count(*) FROM open_reading WHERE ts_key >= $wholeKey AND series_id = $s)
                         + (SELECT count(*) FROM late_reading WHERE series_id = $s AND ts_ms >= $whole AND replaces = 0);
                    """;
                command.Parameters.AddWithValue("$whole", wholeFrom);
                command.Parameters.AddWithValue("$wholeKey", OpenRowKey.First(wholeFrom));
                count += (long)command.ExecuteScalar()!;
            }

            return count;
        }, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="maxCount"/> rollup buckets of <paramref name="series"/> at
    /// <paramref name="resolution"/> (minute, quarter hour, hour or day) whose start is strictly after
    /// <paramref name="afterStart"/> (from the first when null), oldest first, each as stored (never merged).
    /// A bucket that is still filling is included; its values grow as readings arrive.
    /// </summary>
    public Task<IReadOnlyList<AggregatePoint>> GetRollupsAfterAsync(
        string series, Resolution resolution, DateTimeOffset? afterStart, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var level = ToLevel(resolution);
        return ReadCommittedAsync<IReadOnlyList<AggregatePoint>>((connection, _) =>
        {
            if (FindSeries(connection, series) is not { } info)
            {
                return [];
            }

            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT start_ms, count, sum, min, max, energy FROM rollup
                WHERE series_id = $s AND level = $l AND start_ms > $after ORDER BY start_ms LIMIT $n;
                """;
            command.Parameters.AddWithValue("$s", info.Id);
            command.Parameters.AddWithValue("$l", (int)level);
            command.Parameters.AddWithValue("$after", afterStart?.ToUnixTimeMilliseconds() ?? long.MinValue);
            command.Parameters.AddWithValue("$n", maxCount);
            using var reader = command.ExecuteReader();
            var result = new List<AggregatePoint>();
            while (reader.Read())
            {
                var row = RollupUpdater.ReadAccumulator(reader, 0);
                result.Add(ToPoint(row, calendar.NextBucketStart(level, row.Start)));
            }

            return result;
        }, cancellationToken);
    }
}
