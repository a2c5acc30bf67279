namespace Aizu.Storage.Influx;

/// <summary>
/// Moves data from the store to InfluxDB one batch at a time and keeps the durable cursor: per series
/// the timestamp of the last raw reading written, and per series and resolution the start of the
/// last rollup bucket written. A batch is written first and its cursor committed afterwards, in one
/// store transaction; a failed write commits nothing, so the same points are read and sent again. If
/// the gateway stops between a write and its commit, the next start sends those points once more and
/// InfluxDB overwrites them (same series, tags and timestamp), so they are still there exactly once.
/// </summary>
/// <remarks>
/// A rollup bucket is written once a reading stamped after its end is stored (the bucket is then
/// complete); the bucket still filling waits. The cursor is per target (address, org, bucket): pointing
/// the mirror at another server or bucket starts that one from the beginning of the store.
/// </remarks>
internal sealed class MirrorPump(IReadingFeed store, InfluxSink sink, InfluxMirrorOptions options)
{
    private const string SentKey = "sent";
    private const string RawPrefix = "raw:";

    private static readonly (Resolution Resolution, string Tag)[] Levels =
    [
        (Resolution.Minute, "1m"),
        (Resolution.QuarterHour, "15m"),
        (Resolution.Hour, "1h"),
        (Resolution.Day, "1d"),
    ];

    private Dictionary<string, long>? cursors;
    private int rotation;

    /// <summary>The store's name for this target's cursor: <c>influx-</c> and a hash of address, org and bucket.</summary>
    public string Consumer { get; } = ConsumerFor(options);

    /// <summary>Points written to this target ever, as committed with the cursor.</summary>
    public long PointsSent => cursors?.GetValueOrDefault(SentKey) ?? 0;

    public static string ConsumerFor(InfluxMirrorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var identity = string.Join('|',
            options.Url.TrimEnd('/').ToUpperInvariant(),
            options.Org,
            string.IsNullOrWhiteSpace(options.Database) ? options.Bucket : options.Database + "/" + options.RetentionPolicy);
        return "influx-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8));
    }

    /// <summary>Loads the cursor from the store (once).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken) =>
        cursors ??= new Dictionary<string, long>(await store.GetCursorsAsync(Consumer, cancellationToken), StringComparer.Ordinal);

    /// <summary>Reads up to a batch after the cursor, writes it, then commits the cursor.</summary>
    public async Task<MirrorPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var known = cursors!;
        var batch = options.BatchSize;
        var points = new List<PointData>(Math.Min(batch, 8_192));
        var changes = new Dictionary<string, long>(StringComparer.Ordinal);
        var raw = 0;
        var series = await store.GetSeriesAsync(cancellationToken);
        for (var k = 0; k < series.Count && points.Count < batch; k++)
        {
            // Start with a different series each pass, so one long backlog does not starve the others.
            var info = series[(rotation + k) % series.Count];
            var rawKey = RawPrefix + info.Name;
            var readings = await store.GetReadingsAfterAsync(info.Name, Position(known, rawKey), batch - points.Count, cancellationToken);
            foreach (var reading in readings)
            {
                points.Add(PointMapper.Reading(reading));
            }

            if (readings.Count > 0)
            {
                raw += readings.Count;
                changes[rawKey] = readings[^1].Timestamp.ToUnixTimeMilliseconds();
            }

            if (options.IncludeRollups && points.Count < batch)
            {
                await AddRollupsAsync(info, known, points, changes, cancellationToken);
            }
        }

        rotation = series.Count == 0 ? 0 : (rotation + 1) % series.Count;
        if (points.Count == 0)
        {
            return new MirrorPass(0, 0, false);
        }

        await sink.WriteAsync(points, cancellationToken);

        // Written: now the cursor moves, together with the running total, in one transaction. Not cancelled
        // by a shutdown that arrives now: the points are in InfluxDB, so record that (a short local write).
        changes[SentKey] = known.GetValueOrDefault(SentKey) + points.Count;
        await store.SetCursorsAsync(Consumer, changes, CancellationToken.None);
        foreach (var (key, value) in changes)
        {
            known[key] = value;
        }

        return new MirrorPass(points.Count, raw, points.Count >= batch);
    }

    /// <summary>Raw readings in the store after the cursor, and the instant every series is written up to.</summary>
    public async Task<(long Backlog, DateTimeOffset? Through)> MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        long backlog = 0;
        long? through = null;
        var any = false;
        foreach (var info in await store.GetSeriesAsync(cancellationToken))
        {
            var rawKey = RawPrefix + info.Name;
            var position = Position(cursors!, rawKey);
            var behind = await store.CountReadingsAfterAsync(info.Name, position, cancellationToken);
            backlog += behind;
            if (position is { } at)
            {
                any = true;
                var ms = at.ToUnixTimeMilliseconds();
                through = through is { } t ? Math.Min(t, ms) : ms;
            }
            else if (behind > 0)
            {
                // A series with readings and nothing written yet: nothing is "through".
                through = long.MinValue;
            }
        }

        return (backlog, any && through is { } value && value != long.MinValue ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null);
    }

    private async Task AddRollupsAsync(
        SeriesInfo info, Dictionary<string, long> known, List<PointData> points, Dictionary<string, long> changes, CancellationToken cancellationToken)
    {
        // The newest reading is read before the buckets, so every bucket that ends before it is read complete.
        if (await store.GetLatestAsync(info.Name, cancellationToken) is not { } latest)
        {
            return;
        }

        foreach (var (resolution, tag) in Levels)
        {
            var room = options.BatchSize - points.Count;
            if (room <= 0)
            {
                return;
            }

            var key = tag + ":" + info.Name;
            var buckets = await store.GetRollupsAfterAsync(info.Name, resolution, Position(known, key), room, cancellationToken);
            long? last = null;
            foreach (var bucket in buckets)
            {
                // A register step at exactly End still belongs to the bucket: wait for a reading after it.
                if (bucket.End >= latest.Timestamp)
                {
                    break;
                }

                points.Add(PointMapper.Rollup(info.Name, info.Unit, tag, bucket));
                last = bucket.Start.ToUnixTimeMilliseconds();
            }

            if (last is { } start)
            {
                changes[key] = start;
            }
        }
    }

    private static DateTimeOffset? Position(Dictionary<string, long> known, string key) =>
        known.TryGetValue(key, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
