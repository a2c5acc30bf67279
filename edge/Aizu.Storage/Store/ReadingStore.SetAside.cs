namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    private static readonly RollupLevel[] AllLevels = [RollupLevel.Minute, RollupLevel.QuarterHour, RollupLevel.Hour, RollupLevel.Day];

    /// <summary>
    /// Moves every reading stamped after <paramref name="after"/> out of its series into <c>set_aside_reading</c>, in one
    /// transaction, and recomputes the rollups from there on; returns how many readings were moved.
    /// </summary>
    /// <remarks>
    /// For a system clock that stepped back: what it stamped while it ran ahead lies after the corrected clock, and the
    /// readings stamped from now on would otherwise interleave with it (a register's energy counted twice). Moved, not
    /// deleted: the rows keep their stamps and values for inspection and are erased and aged out with the raw data.
    /// </remarks>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is moved.</exception>
    public async Task<long> SetAsideAfterAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        var afterMs = after.ToUnixTimeMilliseconds();
        var moved = await database.WriteAsync(connection =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            CommitPending(connection, settle: true);
            var ahead = series.Values.Where(s => s.HasLatest && s.LatestMs > afterMs).ToList();
            if (ahead.Count == 0)
            {
                return 0L;
            }

            long count = 0;
            using (var transaction = connection.BeginTransaction())
            {
                var corrupt = new List<CorruptChunk>();
                var raw = new RawReader(connection, transaction, corrupt);
                var rollups = rollupUpdater ??= new RollupUpdater(connection, calendar);
                rollups.Begin(transaction);
                var points = new PointBuffer();
                foreach (var state in ahead)
                {
                    raw.ReadRange(state.Id, afterMs + 1, long.MaxValue, points);
                    KeepApart(connection, transaction, state.Id, points);
                    count += points.Count;
                    TrimChunksAfter(connection, transaction, raw, state.Id, afterMs);
                    DeleteRowsAfter(connection, transaction, state.Id, afterMs);

                    // The bucket holding the cut loses its later points and, for a register, the steps into them.
                    rollups.AddOutOfOrder(state, afterMs);
                }

                rollups.Flush(raw);
                if (corrupt.Count > 0)
                {
                    Quarantine(connection, transaction, corrupt);
                }

                transaction.Commit();
            }

            // Newest points, open chunks and dirty minutes of these series all changed: reload them from the file.
            database.DropWriter();
            return count;
        }, cancellationToken);

        if (moved > 0)
        {
            logger.ReadingsSetAside(moved, after);
        }

        return moved;
    }

    /// <summary>The latest timestamp of any stored or waiting reading, or null when the store is empty.</summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing.</exception>
    public Task<DateTimeOffset?> GetNewestTimestampAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(connection =>
        {
            long? newest = null;
            foreach (var state in series.Values)
            {
                if (state.HasLatest && (newest is null || state.LatestMs > newest))
                {
                    newest = state.LatestMs;
                }
            }

            lock (pending)
            {
                foreach (var reading in pending)
                {
                    var ms = reading.Timestamp.ToUnixTimeMilliseconds();
                    if (newest is null || ms > newest)
                    {
                        newest = ms;
                    }
                }
            }

            return newest is { } found ? DateTimeOffset.FromUnixTimeMilliseconds(found) : (DateTimeOffset?)null;
        }, cancellationToken);

    private void KeepApart(SqliteConnection connection, SqliteTransaction transaction, long seriesId, PointBuffer points)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO set_aside_reading(series_id, ts_ms, value, quality, set_aside_at_ms) VALUES ($s, $t, $v, $q, $at);";
        insert.Parameters.AddWithValue("$s", seriesId);
        var ts = insert.Parameters.Add("$t", SqliteType.Integer);
        var value = insert.Parameters.Add("$v", SqliteType.Real);
        var quality = insert.Parameters.Add("$q", SqliteType.Integer);
        insert.Parameters.AddWithValue("$at", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        for (var i = 0; i < points.Count; i++)
        {
            ts.Value = points.Timestamps[i];
            value.Value = points.Values[i];
            quality.Value = (int)points.Qualities[i];
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Deletes the sealed chunks that end after the cut, re-sealing the part of each that lies before it.</summary>
    private void TrimChunksAfter(SqliteConnection connection, SqliteTransaction transaction, RawReader raw, long seriesId, long afterMs)
    {
        var heads = new List<(long Id, PointBuffer Head)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT id, start_ms, end_ms, count, crc, data FROM chunk WHERE series_id = $s AND end_ms > $t;";
            select.Parameters.AddWithValue("$s", seriesId);
            select.Parameters.AddWithValue("$t", afterMs);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var head = new PointBuffer();
                if (reader.GetInt64(1) <= afterMs && raw.TryDecode(reader, seriesId, head))
                {
                    head.SetCount(head.LowerBound(afterMs + 1));
                }
                else if (reader.GetInt64(1) <= afterMs)
                {
                    // Damaged: the quarantine takes it whole.
                    continue;
                }

                heads.Add((reader.GetInt64(0), head));
            }
        }

        var commands = writeCommands ??= new WriteCommands(connection);
        commands.Transaction = transaction;
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM chunk WHERE id = $id;";
        var id = delete.Parameters.Add("$id", SqliteType.Integer);
        foreach (var (chunkId, head) in heads)
        {
            id.Value = chunkId;
            delete.ExecuteNonQuery();
            if (head.Count > 0)
            {
                var data = ChunkCodec.Encode(head.Timestamps, head.Values, head.Qualities);
                commands.InsertChunk(seriesId, head.Timestamps[0], head.LastTimestamp, head.Count, Crc32.HashToUInt32(data), data);
            }
        }
    }

    /// <summary>Deletes late and open rows and every rollup row that starts after the cut's buckets.</summary>
    private void DeleteRowsAfter(SqliteConnection connection, SqliteTransaction transaction, long seriesId, long afterMs)
    {
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = """
            DELETE FROM late_reading WHERE series_id = $s AND ts_ms > $t;
            DELETE FROM open_reading WHERE series_id = $s AND ts_ms > $t;
            """;
        delete.Parameters.AddWithValue("$s", seriesId);
        delete.Parameters.AddWithValue("$t", afterMs);
        delete.ExecuteNonQuery();

        delete.CommandText = "DELETE FROM rollup WHERE series_id = $s AND level = $l AND start_ms > $b;";
        var level = delete.Parameters.Add("$l", SqliteType.Integer);
        var bucket = delete.Parameters.Add("$b", SqliteType.Integer);
        foreach (var each in AllLevels)
        {
            level.Value = (int)each;
            bucket.Value = calendar.BucketStart(each, afterMs);
            delete.ExecuteNonQuery();
        }
    }
}
