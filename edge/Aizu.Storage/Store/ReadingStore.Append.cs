namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    /// <summary>The earliest timestamp the store accepts: 2020-01-01 UTC. Earlier means a clock that was never set.</summary>
    internal static readonly DateTimeOffset EarliestTimestamp = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly long EarliestMs = EarliestTimestamp.ToUnixTimeMilliseconds();

    // The open rows of the transaction being written, collected so they can be inserted in key order; writer lock held.
    private readonly List<(long Ms, long SeriesId, double Value, byte Quality)> openRows = [];

    /// <summary>
    /// Stores <paramref name="batch"/> in one transaction: all of it or none. A reading whose series
    /// already has a value at the same millisecond replaces that value (the meter's history is
    /// backfilled more than once). With a <see cref="StorageOptions.CommitWindow"/> the batch waits in
    /// memory and is committed with the others of the window; without one it is on disk when this returns
    /// (see <see cref="StorageOptions.Durability"/>).
    /// Readings stamped before <see cref="EarliestTimestamp"/>, or older than the raw data still kept,
    /// are left out and counted in <see cref="Health"/>; the rest of the batch is stored.
    /// </summary>
    /// <exception cref="ArgumentException">A reading has no series or unit, a non-finite value, or a unit
    /// other than the one its series was first stored with. Nothing is written.</exception>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is written.</exception>
    public async Task AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        ValidateShape(batch);

        // A failed write drops the writer, so the in-memory open chunks (which may hold part of the
        // rolled-back batch) are reloaded from what was committed.
        await database.WriteAsync(connection =>
        {
            ValidateUnits(batch);
            cancellationToken.ThrowIfCancellationRequested();
            if (!CommitDue(batch.Count))
            {
                Hold(batch);
                return 0;
            }

            // Waiting readings first: of two readings at the same millisecond the later one wins.
            var refused = Write(connection, pending, batch);
            ForgetPending();
            if (settings.CommitWindow <= TimeSpan.Zero)
            {
                // Every batch durable at once: the file stays complete, open rollups included, after every call.
                SettleOpenRollups(connection);
            }

            if (refused > 0)
            {
                NoteRefused(refused);
            }

            MaintainIfDue(connection);
            return refused;
        }, cancellationToken);
    }

    /// <summary>Writes both lists in one transaction; returns how many readings were refused.</summary>
    private long Write(SqliteConnection connection, IReadOnlyList<Reading> first, IReadOnlyList<Reading> second)
    {
        using var transaction = connection.BeginTransaction();
        var touched = new List<SeriesState>();
        long refused = 0;
        SeriesState? last = null;
        foreach (var reading in first.Concat(second))
        {
            var ms = reading.Timestamp.ToUnixTimeMilliseconds();
            if (ms < EarliestMs)
            {
                refused++;
                continue;
            }

            var state = last is not null && ReferenceEquals(last.Name, reading.Series)
                ? last
                : GetOrCreateSeries(connection, transaction, reading.Series, reading.Unit);
            if (state is null)
            {
                refused++;
                continue;
            }

            last = state;
            if (state.Incoming.Count == 0)
            {
                touched.Add(state);
            }

            state.Incoming.Add(ms, reading.Value, (byte)reading.Quality);
        }

        refused += WriteIncoming(connection, transaction, touched);
        transaction.Commit();

        // The open buckets now lag the raw rows: the next query writes them first.
        unsettled = true;
        return refused;
    }

    /// <summary>Routes each touched series' incoming points (late rows, open rows, sealed chunks) and updates rollups.</summary>
    private long WriteIncoming(SqliteConnection connection, SqliteTransaction transaction, List<SeriesState> touched)
    {
        long refused = 0;
        var corrupt = new List<CorruptChunk>();
        var raw = new RawReader(connection, transaction, corrupt);
        var rollups = rollupUpdater ??= new RollupUpdater(connection, calendar);
        var commands = writeCommands ??= new WriteCommands(connection);
        openRows.Clear();
        rollups.Begin(transaction);
        commands.Transaction = transaction;
        foreach (var state in touched)
        {
            var incoming = state.Incoming;
            incoming.SortKeepingLast();

            // Raw data before the retention/disk-budget watermark is gone; a reading there would
            // half-fill a minute whose other readings were dropped, so it is refused.
            var start = 0;
            if (state.RawFromMs > 0)
            {
                start = incoming.LowerBound(CeilingToMinute(state.RawFromMs));
                refused += start;
            }

            var lateEnd = state.SealedToMs == long.MinValue ? start : Math.Max(start, incoming.LowerBound(state.SealedToMs + 1));
            var timestamps = incoming.Timestamps;
            var values = incoming.Values;
            var qualities = incoming.Qualities;
            for (var i = start; i < lateEnd; i++)
            {
                WriteLate(commands, raw, state, timestamps[i], values[i], qualities[i]);
                rollups.AddOutOfOrder(state, timestamps[i]);
            }

            var firstNew = state.HasLatest ? Math.Max(lateEnd, incoming.LowerBound(state.LatestMs + 1)) : lateEnd;
            for (var i = lateEnd; i < firstNew; i++)
            {
                rollups.AddOutOfOrder(state, timestamps[i]);
            }

            rollups.AddInOrder(state, timestamps[firstNew..], values[firstNew..]);

            incoming.RemoveFirst(lateEnd);
            var hadOpenRows = state.Open.Count > 0;
            state.Open.MergeFrom(incoming, mergeScratch);
            var sealedThrough = SealFullChunks(commands, state);
            if (hadOpenRows && sealedThrough != long.MinValue)
            {
                commands.DeleteOpen(state.Id, sealedThrough);
            }

            timestamps = incoming.Timestamps;
            values = incoming.Values;
            qualities = incoming.Qualities;
            for (var i = sealedThrough == long.MinValue ? 0 : incoming.LowerBound(sealedThrough + 1); i < incoming.Count; i++)
            {
                openRows.Add((timestamps[i], state.Id, values[i], qualities[i]));
            }

            incoming.Clear();
        }

        // In key order, every series together: appended to the open table's tail page, not inserted in front of it.
        openRows.Sort(static (a, b) => a.Ms != b.Ms ? a.Ms.CompareTo(b.Ms) : a.SeriesId.CompareTo(b.SeriesId));
        foreach (var (ms, seriesId, value, quality) in openRows)
        {
            commands.InsertOpen(seriesId, ms, value, quality);
        }

        openRows.Clear();

        rollups.Flush(raw);
        if (corrupt.Count > 0)
        {
            Quarantine(connection, transaction, corrupt);
        }

        return refused;
    }

    /// <summary>
    /// Seals chunks off the front of the open chunk while it holds a full chunk (by points or by time
    /// span); returns the timestamp of the last sealed point, or <see cref="long.MinValue"/> for none.
    /// </summary>
    private long SealFullChunks(WriteCommands commands, SeriesState state)
    {
        var open = state.Open;
        var maxPoints = settings.MaxChunkPoints;
        var maxSpan = (long)settings.MaxChunkDuration.TotalMilliseconds;
        var start = 0;
        var sealedThrough = long.MinValue;
        var timestamps = open.Timestamps;
        while (start < open.Count)
        {
            var limit = Math.Min(open.Count, start + maxPoints);
            var spanEnd = timestamps[start..limit].BinarySearch(timestamps[start] + maxSpan);
            var end = start + (spanEnd >= 0 ? spanEnd : ~spanEnd);
            if (end - start < maxPoints && end == open.Count)
            {
                break;
            }

            var data = ChunkCodec.Encode(timestamps[start..end], open.Values[start..end], open.Qualities[start..end]);
            commands.InsertChunk(state.Id, timestamps[start], timestamps[end - 1], end - start, Crc32.HashToUInt32(data), data);
            sealedThrough = timestamps[end - 1];
            start = end;
        }

        if (start > 0)
        {
            open.RemoveFirst(start);
            state.SealedToMs = sealedThrough;
        }

        return sealedThrough;
    }

    /// <summary>Stores a reading at or before the last sealed chunk's end as a row beside the chunks.</summary>
    private static void WriteLate(WriteCommands commands, RawReader raw, SeriesState state, long ms, double value, byte quality)
    {
        // Whether it replaces a sealed point matters for counting; reads let the row win either way.
        var replaces = commands.LateReplaces(state.Id, ms) ?? raw.ChunkHasPoint(state.Id, ms);
        commands.InsertLate(state.Id, ms, value, quality, replaces);
    }

    private static long CeilingToMinute(long ms) => RollupGrid.Floor(ms + RollupGrid.MinuteMs - 1, RollupGrid.MinuteMs);

    private SeriesState? GetOrCreateSeries(SqliteConnection connection, SqliteTransaction transaction, string name, string unit)
    {
        if (series.TryGetValue(name, out var state))
        {
            return state;
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO series(name, unit) VALUES ($name, $unit) RETURNING id;";
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$unit", unit);

        var id = (long)insert.ExecuteScalar()!;
        if (id > OpenRowKey.MaxSeriesId)
        {
            // Its open rows' keys would spill into the timestamp and replace another series' rows; its readings are
            // refused (counted in Health) and the rest of the batch is stored.
            using var undo = connection.CreateCommand();
            undo.Transaction = transaction;
            undo.CommandText = "DELETE FROM series WHERE id = $id;";
            undo.Parameters.AddWithValue("$id", id);
            undo.ExecuteNonQuery();
            logger.SeriesLimitReached(OpenRowKey.MaxSeriesId, name);
            return null;
        }

        // Joins the cache at once; a rolled-back batch drops the whole cache (DropWriterState), so no phantom ids survive.
        state = new SeriesState(id, name, unit);
        series[name] = state;
        return state;
    }

    /// <summary>Moves bad chunks to <c>quarantine_chunk</c> so they are kept for inspection but never read again.</summary>
    private void Quarantine(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<CorruptChunk> chunks)
    {
        using var move = connection.CreateCommand();
        move.Transaction = transaction;
        move.CommandText = """
            INSERT INTO quarantine_chunk(id, series_id, start_ms, end_ms, count, crc, data, reason, found_at_ms)
            SELECT id, series_id, start_ms, end_ms, count, crc, data, $reason, $now FROM chunk WHERE id = $id;
            DELETE FROM chunk WHERE id = $id;
            """;
        var id = move.Parameters.Add("$id", SqliteType.Integer);
        var reason = move.Parameters.Add("$reason", SqliteType.Text);
        move.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var chunk in chunks.DistinctBy(c => c.ChunkId))
        {
            id.Value = chunk.ChunkId;
            reason.Value = chunk.Reason;
            if (move.ExecuteNonQuery() > 0)
            {
                var seriesName = series.Values.FirstOrDefault(s => s.Id == chunk.SeriesId)?.Name ?? chunk.SeriesId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var start = DateTimeOffset.FromUnixTimeMilliseconds(chunk.StartMs);
                logger.ChunkQuarantined(seriesName, start, chunk.Reason);
                NoteQuarantined($"A damaged chunk of {seriesName} from {start:u} ({chunk.Reason}) was moved to quarantine; its raw readings are lost, its rollups are kept.");
            }
        }
    }

    private static void ValidateShape(IReadOnlyList<Reading> batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var reading = batch[i];
            if (string.IsNullOrEmpty(reading.Series))
            {
                throw new ArgumentException($"Reading {i} of the batch has no series name.", nameof(batch));
            }

            if (string.IsNullOrEmpty(reading.Unit))
            {
                throw new ArgumentException($"Reading {i} of the batch ({reading.Series}) has no unit.", nameof(batch));
            }

            // A NaN would poison every rollup it lands in.
            if (!double.IsFinite(reading.Value))
            {
                throw new ArgumentException($"Reading {i} of the batch ({reading.Series}) has the non-finite value {reading.Value}.", nameof(batch));
            }
        }
    }

    private void ValidateUnits(IReadOnlyList<Reading> batch)
    {
        Dictionary<string, string>? firstSeen = null;
        SeriesState? last = null;
        foreach (var reading in batch)
        {
            string expected;
            if (last is not null && ReferenceEquals(last.Name, reading.Series))
            {
                expected = last.Unit;
            }
            else if (series.TryGetValue(reading.Series, out var state))
            {
                last = state;
                expected = state.Unit;
            }
            else if (pendingUnits.TryGetValue(reading.Series, out var waiting))
            {
                expected = waiting;
            }
            else
            {
                firstSeen ??= new(StringComparer.Ordinal);
                if (!firstSeen.TryAdd(reading.Series, reading.Unit))
                {
                    expected = firstSeen[reading.Series];
                }
                else
                {
                    continue;
                }
            }

            if (!ReferenceEquals(expected, reading.Unit) && !string.Equals(expected, reading.Unit, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Series {reading.Series} is stored in {expected}; a reading in {reading.Unit} cannot be added to it.", nameof(batch));
            }
        }
    }
}
