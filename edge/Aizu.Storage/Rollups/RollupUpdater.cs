namespace Aizu.Storage;

/// <summary>
/// Keeps the <c>rollup</c> table in step with one write transaction. Points that arrive in time order
/// are folded into minute buckets and merged upwards (minute → quarter hour → hour, quarter hour →
/// local day) and added to the stored rows. A point that lands before the series' newest point (clock
/// jump, backfill, duplicate) may change values already rolled up, so its minute bucket — and, for a
/// register, the buckets of the energy steps into and out of it — is recomputed from raw data, then the
/// quarter hour, hour and day above it from the finer rows. Nothing ever rescans history.
/// </summary>
/// <remarks>
/// Rows are written when their bucket closes, not at every commit: a commit then rewrites only the open chunk's
/// rows, where rewriting every series' open minute, quarter-hour, hour and day rows was most of what the store
/// wrote. In-order points only mark their minutes dirty; when the series' newest point moves past an hour, its dirty
/// minutes are recomputed from raw data and its quarter hours, the hour (and a closing day) from the rows below, in the
/// same transaction as the point that closed it. Waiting for the hour rather than the quarter hour writes each series'
/// minute and quarter-hour tail pages four times less often; the price is rebuilding up to an hour of raw data at start. The open buckets are written by
/// <see cref="WriteOpen"/>: before a query reads, at a clean stop, and at start, when they are rebuilt from raw
/// data after a power cut. A point that lands before the newest one recomputes its buckets at once.
/// </remarks>
internal sealed class RollupUpdater : IDisposable
{
    private static readonly RollupLevel[] CoarseLevels = [RollupLevel.QuarterHour, RollupLevel.Hour, RollupLevel.Day];

    private readonly SqliteConnection connection;
    private readonly RollupGrid calendar;
    private SqliteTransaction? transaction;
    private readonly List<(SeriesState Series, long PreviousMs)> advanced = [];
    private readonly SortedSet<long> closing = [];
    private readonly Dictionary<SeriesState, List<long>> outOfOrder = [];
    private readonly PointBuffer points = new();
    private SqliteCommand? replace;
    private SqliteCommand? delete;

    /// <summary>Creates the updater for the writer connection; its prepared statements live as long as it does.</summary>
    public RollupUpdater(SqliteConnection connection, RollupGrid calendar)
    {
        this.connection = connection;
        this.calendar = calendar;
    }

    /// <summary>Starts work in <paramref name="writeTransaction"/>, forgetting anything left from an earlier one.</summary>
    public void Begin(SqliteTransaction writeTransaction)
    {
        transaction = writeTransaction;
        outOfOrder.Clear();
        advanced.Clear();
    }

    /// <summary>
    /// Takes points newer than the series' newest (sorted, strictly increasing) and moves its newest point on; their
    /// minutes are written when their hour closes (in <see cref="Flush"/>) or by <see cref="WriteOpen"/>.
    /// </summary>
    public void AddInOrder(SeriesState series, ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values)
    {
        if (timestamps.IsEmpty)
        {
            return;
        }

        advanced.Add((series, series.HasLatest ? series.LatestMs : long.MinValue));
        var hasPrevious = series.HasLatest;
        foreach (var ts in timestamps)
        {
            if (series.Cumulative && hasPrevious)
            {
                // A register's step into ts counts in the minute holding ts - 1 ms.
                series.DirtyMinutes.Add(RollupGrid.Floor(ts - 1, RollupGrid.MinuteMs));
            }

            series.DirtyMinutes.Add(RollupGrid.Floor(ts, RollupGrid.MinuteMs));
            hasPrevious = true;
        }

        series.HasLatest = true;
        series.LatestMs = timestamps[^1];
        series.LatestValue = values[^1];
        series.OpenRollupsStale = true;
    }

    /// <summary>Writes the series' dirty minutes, the quarter hours of its open hour, and its open hour and day rows from the rows below them.</summary>
    public void WriteOpen(SeriesState series, RawReader raw)
    {
        foreach (var minute in series.DirtyMinutes)
        {
            RecomputeMinute(series, minute, raw);
        }

        series.DirtyMinutes.Clear();
        if (series.HasLatest)
        {
            var openQuarter = calendar.BucketStart(RollupLevel.QuarterHour, series.LatestMs);
            for (var quarter = calendar.BucketStart(RollupLevel.Hour, series.LatestMs); quarter <= openQuarter; quarter += RollupGrid.QuarterHourMs)
            {
                RecomputeFrom(series.Id, RollupLevel.QuarterHour, quarter, quarter + RollupGrid.QuarterHourMs, RollupLevel.Minute);
            }

            foreach (var level in (ReadOnlySpan<RollupLevel>)[RollupLevel.Hour, RollupLevel.Day])
            {
                var open = calendar.BucketStart(level, series.LatestMs);
                RecomputeFrom(series.Id, level, open, calendar.NextBucketStart(level, open), Finer(level));
            }
        }

        series.OpenRollupsStale = false;
    }

    /// <summary>At start: every minute of the open hour may lag the raw rows (a power cut); mark them to be rebuilt.</summary>
    public void MarkOpenHourDirty(SeriesState series)
    {
        if (!series.HasLatest)
        {
            return;
        }

        for (var minute = calendar.BucketStart(RollupLevel.Hour, series.LatestMs); minute <= series.LatestMs; minute += RollupGrid.MinuteMs)
        {
            series.DirtyMinutes.Add(minute);
        }

        series.OpenRollupsStale = true;
    }

    /// <summary>Writes what the in-order points of this transaction closed: dirty minutes of closed hours, then their quarter hours, the closed hours and days.</summary>
    private void WriteClosed(RawReader raw)
    {
        foreach (var (series, previousMs) in advanced)
        {
            var openHour = calendar.BucketStart(RollupLevel.Hour, series.LatestMs);
            var dirty = series.DirtyMinutes;
            var closedMinutes = dirty.GetViewBetween(long.MinValue, openHour - 1).ToList();
            foreach (var minute in closedMinutes)
            {
                RecomputeMinute(series, minute, raw);
                dirty.Remove(minute);
            }

            foreach (var level in CoarseLevels)
            {
                var open = calendar.BucketStart(level, series.LatestMs);

                // The quarter hours of the open hour wait for it with their minutes.
                bool Closed(long bucket) => level == RollupLevel.QuarterHour
                    ? calendar.BucketStart(RollupLevel.Hour, bucket) != openHour
                    : bucket != open;
                closing.Clear();
                if (previousMs != long.MinValue && calendar.BucketStart(level, previousMs) is var previousBucket && Closed(previousBucket))
                {
                    closing.Add(previousBucket);
                }

                foreach (var minute in closedMinutes)
                {
                    var bucket = calendar.BucketStart(level, minute);
                    if (Closed(bucket))
                    {
                        closing.Add(bucket);
                    }
                }

                foreach (var bucket in closing)
                {
                    RecomputeFrom(series.Id, level, bucket, calendar.NextBucketStart(level, bucket), Finer(level));
                }
            }
        }

        advanced.Clear();
    }

    private static RollupLevel Finer(RollupLevel level) => level == RollupLevel.QuarterHour ? RollupLevel.Minute : RollupLevel.QuarterHour;

    /// <summary>Notes a point at or before the series' newest; its buckets are recomputed in <see cref="Flush"/>.</summary>
    public void AddOutOfOrder(SeriesState series, long timestampMs)
    {
        if (!outOfOrder.TryGetValue(series, out var list))
        {
            outOfOrder[series] = list = [];
        }

        list.Add(timestampMs);
    }

    /// <summary>Recomputes the buckets touched by out-of-order points. Call after the raw data of the transaction is written.</summary>
    public void Flush(RawReader raw)
    {
        foreach (var (series, timestamps) in outOfOrder)
        {
            var dirtyMinutes = new SortedSet<long>();
            foreach (var ts in timestamps)
            {
                dirtyMinutes.Add(RollupGrid.Floor(ts, RollupGrid.MinuteMs));
                if (series.Cumulative)
                {
                    dirtyMinutes.Add(RollupGrid.Floor(ts - 1, RollupGrid.MinuteMs));
                    if (raw.TryPointAfter(series.Id, ts, out var next))
                    {
                        dirtyMinutes.Add(RollupGrid.Floor(next.TimestampMs - 1, RollupGrid.MinuteMs));
                    }
                }
            }

            var quarters = new SortedSet<long>();
            var hours = new SortedSet<long>();
            var days = new SortedSet<long>();
            foreach (var minute in dirtyMinutes)
            {
                RecomputeMinute(series, minute, raw);
                quarters.Add(RollupGrid.Floor(minute, RollupGrid.QuarterHourMs));
                hours.Add(RollupGrid.Floor(minute, RollupGrid.HourMs));
                days.Add(calendar.DayStart(minute));
            }

            foreach (var quarter in quarters)
            {
                RecomputeFrom(series.Id, RollupLevel.QuarterHour, quarter, quarter + RollupGrid.QuarterHourMs, RollupLevel.Minute);
            }

            foreach (var hour in hours)
            {
                RecomputeFrom(series.Id, RollupLevel.Hour, hour, hour + RollupGrid.HourMs, RollupLevel.QuarterHour);
            }

            foreach (var day in days)
            {
                RecomputeFrom(series.Id, RollupLevel.Day, day, calendar.NextDayStart(day), RollupLevel.QuarterHour);
            }
        }

        outOfOrder.Clear();
        WriteClosed(raw);
    }

    /// <summary>Rebuilds every day bucket from the quarter-hour rows, after the configured zone changed.</summary>
    public long RebuildDays()
    {
        Execute("DELETE FROM rollup WHERE level = 3;");
        using var command = Command("SELECT series_id, start_ms, count, sum, min, max, energy FROM rollup WHERE level = 1 ORDER BY series_id, start_ms;");
        using var reader = command.ExecuteReader();
        long rows = 0;
        long currentSeries = -1;
        var day = new RollupAccumulator(long.MinValue);
        while (reader.Read())
        {
            var seriesId = reader.GetInt64(0);
            var quarter = ReadAccumulator(reader, 1);
            var dayStart = calendar.DayStart(quarter.Start);
            if (seriesId != currentSeries || dayStart != day.Start)
            {
                if (currentSeries >= 0)
                {
                    Write(currentSeries, RollupLevel.Day, day);
                    rows++;
                }

                currentSeries = seriesId;
                day = new RollupAccumulator(dayStart);
            }

            day.Merge(quarter);
        }

        if (currentSeries >= 0)
        {
            Write(currentSeries, RollupLevel.Day, day);
            rows++;
        }

        return rows;
    }

    /// <summary>Reads count, sum, min, max, energy starting at column <paramref name="first"/> − 1 (the start).</summary>
    public static RollupAccumulator ReadAccumulator(SqliteDataReader reader, int first)
    {
        var bucket = new RollupAccumulator(reader.GetInt64(first))
        {
            Count = reader.GetInt64(first + 1),
            Sum = reader.GetDouble(first + 2),
        };
        if (bucket.Count > 0)
        {
            bucket.Min = reader.GetDouble(first + 3);
            bucket.Max = reader.GetDouble(first + 4);
        }

        if (!reader.IsDBNull(first + 5))
        {
            bucket.AddEnergy(reader.GetDouble(first + 5));
        }

        return bucket;
    }

    private void RecomputeMinute(SeriesState series, long minute, RawReader raw)
    {
        var end = minute + RollupGrid.MinuteMs;

        // Up to and including `end`: a point stamped exactly at the end closes an energy step of this minute.
        raw.ReadRange(series.Id, minute, end + 1, points);
        var bucket = new RollupAccumulator(minute);
        var hasPrevious = false;
        double previous = 0;
        if (series.Cumulative && raw.TryPointBefore(series.Id, minute, out var before))
        {
            hasPrevious = true;
            previous = before.Value;
        }

        var timestamps = points.Timestamps;
        var values = points.Values;
        for (var i = 0; i < points.Count; i++)
        {
            if (timestamps[i] < end)
            {
                bucket.AddValue(values[i]);
            }

            if (series.Cumulative)
            {
                if (hasPrevious && timestamps[i] > minute)
                {
                    bucket.AddEnergy(RegisterArithmetic.Step(previous, values[i]));
                }

                previous = values[i];
                hasPrevious = true;
            }
        }

        Write(series.Id, RollupLevel.Minute, bucket);
    }

    private void RecomputeFrom(long seriesId, RollupLevel level, long start, long end, RollupLevel finer)
    {
        var bucket = new RollupAccumulator(start);
        using (var command = Command(
            "SELECT start_ms, count, sum, min, max, energy FROM rollup WHERE series_id = $s AND level = $l AND start_ms >= $from AND start_ms < $to;"))
        {
            command.Parameters.AddWithValue("$s", seriesId);
            command.Parameters.AddWithValue("$l", (int)finer);
            command.Parameters.AddWithValue("$from", start);
            command.Parameters.AddWithValue("$to", end);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                bucket.Merge(ReadAccumulator(reader, 0));
            }
        }

        Write(seriesId, level, bucket);
    }

    /// <summary>Stores <paramref name="bucket"/> as the whole row (or removes the row when the bucket is empty).</summary>
    private void Write(long seriesId, RollupLevel level, in RollupAccumulator bucket)
    {
        if (bucket.IsEmpty)
        {
            delete ??= Prepare("DELETE FROM rollup WHERE series_id = $s AND level = $l AND start_ms = $t;", withValues: false);
            delete.Transaction = transaction;
            Bind(delete, seriesId, level, bucket, withValues: false);
            delete.ExecuteNonQuery();
            return;
        }

        replace ??= Prepare(
            "INSERT OR REPLACE INTO rollup(series_id, level, start_ms, count, sum, min, max, energy) VALUES ($s, $l, $t, $c, $sum, $min, $max, $e);",
            withValues: true);
        replace.Transaction = transaction;
        Bind(replace, seriesId, level, bucket, withValues: true);
        replace.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, bool withValues)
    {
        var command = Command(sql);
        command.Parameters.Add("$s", SqliteType.Integer);
        command.Parameters.Add("$l", SqliteType.Integer);
        command.Parameters.Add("$t", SqliteType.Integer);
        if (withValues)
        {
            command.Parameters.Add("$c", SqliteType.Integer);
            command.Parameters.Add("$sum", SqliteType.Real);
            command.Parameters.Add("$min", SqliteType.Real);
            command.Parameters.Add("$max", SqliteType.Real);
            command.Parameters.Add("$e", SqliteType.Real);
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, long seriesId, RollupLevel level, in RollupAccumulator bucket, bool withValues)
    {
        var parameters = command.Parameters;
        parameters[0].Value = seriesId;
        parameters[1].Value = (int)level;
        parameters[2].Value = bucket.Start;
        if (withValues)
        {
            parameters[3].Value = bucket.Count;
            parameters[4].Value = bucket.Sum;
            parameters[5].Value = bucket.Count > 0 ? bucket.Min : DBNull.Value;
            parameters[6].Value = bucket.Count > 0 ? bucket.Max : DBNull.Value;
            parameters[7].Value = bucket.HasEnergy ? bucket.Energy : DBNull.Value;
        }
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Releases the prepared statements.</summary>
    public void Dispose()
    {
        replace?.Dispose();
        delete?.Dispose();
    }
}
