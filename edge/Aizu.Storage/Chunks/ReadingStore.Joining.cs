namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    // Ingest seals chunks at MaxChunkPoints so that a batch of an hour per series goes straight into chunks. Each chunk
    // row costs about 140 bytes beside its payload (its other columns, an entry in each of two indexes, its share of a
    // leaf page and the overflow pages' headers): 0.04 bytes per point at 3600 points. Maintenance joins runs of
    // JoinedChunks recent chunks into one, which divides that cost without slowing ingest.
    private const int MaxJoinedChunkPoints = 65_536;

    // Bounds one maintenance transaction; the rest is joined at the next interval.
    private const int JoinRound = 64;

    /// <summary>
    /// Joins runs of sealed chunks of each series, among those that start within two chunk durations of the series'
    /// newest chunk, into chunks of up to <see cref="StorageOptions.JoinedChunks"/> times <see cref="StorageOptions.MaxChunkPoints"/>
    /// points and at most <see cref="StorageOptions.MaxChunkDuration"/>. Older history is left as it is, so a store
    /// that existed before is not rewritten (an SD card's writes). A run is joined only once it is full, so every
    /// point is re-encoded once. One transaction: a crash leaves either the old chunks or the joined one.
    /// </summary>
    private void JoinSealedChunks(SqliteConnection connection)
    {
        var maxPoints = settings.MaxChunkPoints;
        var joinedPoints = Math.Min(maxPoints * settings.JoinedChunks, MaxJoinedChunkPoints);
        if (joinedPoints < 2 * maxPoints)
        {
            return;
        }

        var maxSpan = (long)settings.MaxChunkDuration.TotalMilliseconds;
        var corrupt = new List<CorruptChunk>();
        var joined = 0;
        using var transaction = connection.BeginTransaction();
        var raw = new RawReader(connection, transaction, corrupt);
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = """
            SELECT id, start_ms, end_ms, count FROM chunk
            WHERE series_id = $s AND start_ms >= (SELECT max(start_ms) FROM chunk WHERE series_id = $s) - $window
            ORDER BY start_ms;
            """;
        var seriesId = select.Parameters.Add("$s", SqliteType.Integer);
        select.Parameters.AddWithValue("$window", 2 * maxSpan);
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT id, start_ms, end_ms, count, crc, data FROM chunk WHERE id = $id;";
        var readId = read.Parameters.Add("$id", SqliteType.Integer);
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM chunk WHERE id = $id;";
        var deleteId = delete.Parameters.Add("$id", SqliteType.Integer);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO chunk(series_id, start_ms, end_ms, count, crc, data) VALUES ($s, $a, $b, $n, $c, $d);";
        var insertParameters = (
            Series: insert.Parameters.Add("$s", SqliteType.Integer),
            Start: insert.Parameters.Add("$a", SqliteType.Integer),
            End: insert.Parameters.Add("$b", SqliteType.Integer),
            Count: insert.Parameters.Add("$n", SqliteType.Integer),
            Crc: insert.Parameters.Add("$c", SqliteType.Integer),
            Data: insert.Parameters.Add("$d", SqliteType.Blob));
        var decoded = new PointBuffer(maxPoints);
        var points = new PointBuffer(joinedPoints);
        var chunks = new List<(long Id, long StartMs, long EndMs, long Count)>();
        foreach (var state in series.Values)
        {
            chunks.Clear();
            seriesId.Value = state.Id;
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    chunks.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
                }
            }

            foreach (var (from, to) in FullRuns(chunks, maxPoints, joinedPoints, maxSpan))
            {
                if (joined == JoinRound)
                {
                    break;
                }

                points.Clear();
                var readable = true;
                for (var i = from; i < to && readable; i++)
                {
                    readId.Value = chunks[i].Id;
                    using var reader = read.ExecuteReader();
                    readable = reader.Read() && raw.TryDecode(reader, state.Id, decoded);
                    if (readable)
                    {
                        points.AddRange(decoded, 0, decoded.Count);
                    }
                }

                // A damaged chunk is quarantined below and its neighbours stay as they are; overlapping chunks
                // (which sealing never makes) are not joined either.
                if (!readable || !points.IsStrictlyIncreasing())
                {
                    continue;
                }

                for (var i = from; i < to; i++)
                {
                    deleteId.Value = chunks[i].Id;
                    delete.ExecuteNonQuery();
                }

                var data = ChunkCodec.Encode(points.Timestamps, points.Values, points.Qualities);
                insertParameters.Series.Value = state.Id;
                insertParameters.Start.Value = points.Timestamps[0];
                insertParameters.End.Value = points.LastTimestamp;
                insertParameters.Count.Value = points.Count;
                insertParameters.Crc.Value = (long)Crc32.HashToUInt32(data);
                insertParameters.Data.Value = data;
                insert.ExecuteNonQuery();
                joined++;
            }
        }

        if (corrupt.Count > 0)
        {
            Quarantine(connection, transaction, corrupt);
        }

        transaction.Commit();
    }

    /// <summary>
    /// Runs of at least two consecutive chunks not yet joined (at most <paramref name="maxPoints"/> points each) that
    /// together fit <paramref name="joinedPoints"/> and <paramref name="maxSpan"/>, and that are full: the next chunk
    /// did not fit, or no chunk of <paramref name="maxPoints"/> more would.
    /// </summary>
    internal static IEnumerable<(int From, int To)> FullRuns(IReadOnlyList<(long Id, long StartMs, long EndMs, long Count)> chunks, int maxPoints, int joinedPoints, long maxSpan)
    {
        var from = 0;
        while (from < chunks.Count)
        {
            if (chunks[from].Count > maxPoints)
            {
                from++;
                continue;
            }

            var to = from;
            long total = 0;
            while (to < chunks.Count
                && chunks[to].Count <= maxPoints
                && total + chunks[to].Count <= joinedPoints
                && chunks[to].EndMs - chunks[from].StartMs <= maxSpan)
            {
                total += chunks[to].Count;
                to++;
            }

            if (to - from >= 2 && (to < chunks.Count || total + maxPoints > joinedPoints))
            {
                yield return (from, to);
            }

            from = Math.Max(to, from + 1);
        }
    }
}
