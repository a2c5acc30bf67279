namespace Aizu.Storage;

/// <summary>
/// Reads one series' raw points from the three places they live: sealed chunks, late rows (which win
/// over a chunk's value at the same timestamp) and the open chunk's rows. Chunks are verified
/// (CRC-32 and header) as they are read; a bad one is skipped and listed in <see cref="Corrupt"/> so
/// the caller can quarantine it while the rest of the series stays readable.
/// </summary>
internal sealed class RawReader(SqliteConnection connection, SqliteTransaction? transaction, List<CorruptChunk> corrupt)
{
    // Created on first use: the writer makes a reader per batch and most batches never read.
    private PointBuffer? chunkPointsBuffer;
    private PointBuffer? decodedBuffer;
    private PointBuffer? lateBuffer;

    private PointBuffer ChunkPoints => chunkPointsBuffer ??= new PointBuffer(4_096);

    private PointBuffer Decoded => decodedBuffer ??= new PointBuffer(4_096);

    private PointBuffer Late => lateBuffer ??= new PointBuffer();

    /// <summary>Chunks that failed verification while reading; shared with the caller, who quarantines them.</summary>
    public List<CorruptChunk> Corrupt { get; } = corrupt;

    /// <summary>Points with <paramref name="fromMs"/> ≤ timestamp &lt; <paramref name="toMs"/>, in time order, into <paramref name="output"/>.</summary>
    public void ReadRange(long seriesId, long fromMs, long toMs, PointBuffer output)
    {
        output.Clear();
        if (toMs <= fromMs)
        {
            return;
        }

        ChunkPoints.Clear();
        using (var command = Command("""
            SELECT id, start_ms, end_ms, count, crc, data FROM chunk
            WHERE series_id = $s AND start_ms < $to
              AND start_ms >= coalesce((SELECT max(start_ms) FROM chunk WHERE series_id = $s AND start_ms <= $from), $from)
            ORDER BY start_ms;
            """))
        {
            command.Parameters.AddWithValue("$s", seriesId);
            command.Parameters.AddWithValue("$from", fromMs);
            command.Parameters.AddWithValue("$to", toMs);
            foreach (var chunk in DecodeEach(command, seriesId))
            {
                var start = chunk.LowerBound(fromMs);
                var end = chunk.LowerBound(toMs);
                ChunkPoints.AddRange(chunk, start, end - start);
            }
        }

        ReadRows("late_reading", seriesId, fromMs, toMs, Late);
        MergeLateOver(ChunkPoints, Late, output);

        // Open rows are all newer than every sealed chunk and late row, so they simply follow.
        ReadRows("open_reading", seriesId, fromMs, toMs, Late);
        output.AddRange(Late, 0, Late.Count);
    }

    /// <summary>The newest point strictly before <paramref name="ms"/>.</summary>
    public bool TryPointBefore(long seriesId, long ms, out RawPoint point) =>
        TryNeighbour(seriesId, ms, before: true, out point);

    /// <summary>The oldest point strictly after <paramref name="ms"/>.</summary>
    public bool TryPointAfter(long seriesId, long ms, out RawPoint point) =>
        TryNeighbour(seriesId, ms, before: false, out point);

    /// <summary>Whether a sealed chunk holds a point at exactly <paramref name="ms"/>.</summary>
    public bool ChunkHasPoint(long seriesId, long ms)
    {
        using var command = Command(
            "SELECT id, start_ms, end_ms, count, crc, data FROM chunk WHERE series_id = $s AND start_ms <= $t ORDER BY start_ms DESC LIMIT 1;");
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$t", ms);
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.GetInt64(2) < ms || !TryDecode(reader, seriesId, Decoded))
        {
            return false;
        }

        return Decoded.Timestamps.BinarySearch(ms) >= 0;
    }

    /// <summary>Verifies and decodes every chunk, listing bad ones in <see cref="Corrupt"/>; returns how many were checked.</summary>
    public long VerifyAll(CancellationToken cancellationToken)
    {
        using var command = Command("SELECT id, start_ms, end_ms, count, crc, data, series_id FROM chunk;");
        using var reader = command.ExecuteReader();
        long checkedChunks = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            TryDecode(reader, reader.GetInt64(6), Decoded);
            checkedChunks++;
        }

        return checkedChunks;
    }

    /// <summary>Decodes the chunk row under <paramref name="reader"/> (id, start, end, count, crc, data) after verifying it.</summary>
    public bool TryDecode(SqliteDataReader reader, long seriesId, PointBuffer into)
    {
        var id = reader.GetInt64(0);
        var start = reader.GetInt64(1);
        var end = reader.GetInt64(2);
        var count = reader.GetInt64(3);
        var crc = reader.GetInt64(4);
        var data = reader.GetFieldValue<byte[]>(5);
        if (Crc32.HashToUInt32(data) != (uint)crc)
        {
            Corrupt.Add(new CorruptChunk(id, seriesId, start, "checksum mismatch"));
            return false;
        }

        try
        {
            var header = ChunkCodec.ReadHeader(data);
            if (header.Count != count || header.FirstMs != start || header.LastMs != end)
            {
                Corrupt.Add(new CorruptChunk(id, seriesId, start, "header does not match its row"));
                return false;
            }

            into.SetCount(header.Count);
            ChunkCodec.Decode(data, into.Timestamps, into.Values, into.Qualities);
            return true;
        }
        catch (InvalidDataException exception)
        {
            Corrupt.Add(new CorruptChunk(id, seriesId, start, exception.Message));
            return false;
        }
    }

    private bool TryNeighbour(long seriesId, long ms, bool before, out RawPoint point)
    {
        RawPoint? best = null;

        // Late rows win over a chunk's point at the same timestamp; open and late never share one.
        RawPoint? Better(RawPoint? current, RawPoint candidate, bool winsTie) =>
            current is not { } known
            || (before ? candidate.TimestampMs > known.TimestampMs : candidate.TimestampMs < known.TimestampMs)
            || (winsTie && candidate.TimestampMs == known.TimestampMs)
                ? candidate
                : current;

        foreach (var sql in before
            ? (string[])[
                "SELECT ts_ms, value, quality FROM open_reading WHERE ts_key < $first AND series_id = $s ORDER BY ts_key DESC LIMIT 1;",
                "SELECT ts_ms, value, quality FROM late_reading WHERE series_id = $s AND ts_ms < $t ORDER BY ts_ms DESC LIMIT 1;"]
            : [
                "SELECT ts_ms, value, quality FROM open_reading WHERE ts_key > $last AND series_id = $s ORDER BY ts_key LIMIT 1;",
                "SELECT ts_ms, value, quality FROM late_reading WHERE series_id = $s AND ts_ms > $t ORDER BY ts_ms LIMIT 1;"])
        {
            using var command = Command(sql);
            command.Parameters.AddWithValue("$s", seriesId);
            command.Parameters.AddWithValue("$t", ms);
            command.Parameters.AddWithValue("$first", OpenRowKey.First(ms));
            command.Parameters.AddWithValue("$last", OpenRowKey.Last(ms));
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                best = Better(best, new RawPoint(reader.GetInt64(0), reader.GetDouble(1), (byte)reader.GetInt32(2)), winsTie: true);
            }
        }

        // Walk chunks outward from ms until one verifies and has a point on the wanted side.
        using (var command = Command(before
            ? "SELECT id, start_ms, end_ms, count, crc, data FROM chunk WHERE series_id = $s AND start_ms < $t ORDER BY start_ms DESC;"
            : """
              SELECT id, start_ms, end_ms, count, crc, data FROM chunk
              WHERE series_id = $s
                AND start_ms >= coalesce((SELECT max(start_ms) FROM chunk WHERE series_id = $s AND start_ms <= $t), $t)
              ORDER BY start_ms;
              """))
        {
            command.Parameters.AddWithValue("$s", seriesId);
            command.Parameters.AddWithValue("$t", ms);
            foreach (var chunk in DecodeEach(command, seriesId))
            {
                var index = before ? chunk.LowerBound(ms) - 1 : chunk.LowerBound(ms + 1);
                if (index >= 0 && index < chunk.Count)
                {
                    best = Better(best, new RawPoint(chunk.Timestamps[index], chunk.Values[index], chunk.Qualities[index]), winsTie: false);
                    break;
                }
            }
        }

        point = best.GetValueOrDefault();
        return best.HasValue;
    }

    private void ReadRows(string table, long seriesId, long fromMs, long toMs, PointBuffer into)
    {
        into.Clear();

        // Open rows are found by their key's time range (see StorageSchema, version 3), late rows by series and time.
        using var command = Command(table == "open_reading"
            ? "SELECT ts_ms, value, quality FROM open_reading WHERE ts_key >= $fromKey AND ts_key < $toKey AND series_id = $s ORDER BY ts_key;"
            : $"SELECT ts_ms, value, quality FROM {table} WHERE series_id = $s AND ts_ms >= $from AND ts_ms < $to ORDER BY ts_ms;");
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        command.Parameters.AddWithValue("$fromKey", OpenRowKey.First(fromMs));
        command.Parameters.AddWithValue("$toKey", OpenRowKey.First(toMs));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            into.Add(reader.GetInt64(0), reader.GetDouble(1), (byte)reader.GetInt32(2));
        }
    }

    private static void MergeLateOver(PointBuffer chunk, PointBuffer lateRows, PointBuffer output)
    {
        if (lateRows.Count == 0)
        {
            output.AddRange(chunk, 0, chunk.Count);
            return;
        }

        output.AddRange(chunk, 0, chunk.Count);
        var scratch = new PointBuffer(output.Count + lateRows.Count);
        output.MergeFrom(lateRows, scratch);
    }

    // The chunks the command selects (the columns TryDecode reads), each decoded into the one shared
    // buffer in turn; chunks that fail verification are skipped and listed in Corrupt.
    private IEnumerable<PointBuffer> DecodeEach(SqliteCommand command, long seriesId)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (TryDecode(reader, seriesId, Decoded))
            {
                yield return Decoded;
            }
        }
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
