namespace Aizu.Storage;

/// <summary>
/// The minute rollups of a series in both their forms: rows of <c>rollup</c> (level 0) for the open hour and for
/// closed hours not packed yet, and blocks of <c>minute_block</c>, one per series and closed UTC hour
/// (<see cref="MinuteBlockCodec"/>). An hour is in one form or the other: packing writes the block and deletes the rows
/// in one transaction, and <see cref="RollupUpdater"/> unpacks a block before it recomputes a minute of its hour.
/// Blocks are verified (CRC-32 and encoding) as they are read; a bad one is skipped and listed in <see cref="Corrupt"/>.
/// </summary>
/// <remarks>
/// A block's key is the hour's index times 2^20 plus the series id (series ids stay below 2^20, <see cref="OpenRowKey"/>),
/// so the blocks of an hour are appended at the end of one rowid b-tree and its pages stay full.
/// </remarks>
internal sealed class MinuteRollups(SqliteConnection connection, SqliteTransaction? transaction, List<CorruptMinuteBlock> corrupt)
{
    // The series id in a key's low bits, as in open_reading's keys.
    private const int SeriesBits = (int)OpenRowKey.SeriesBits;
    private const long SeriesMask = OpenRowKey.MaxSeriesId;

    public List<CorruptMinuteBlock> Corrupt { get; } = corrupt;

    /// <summary>The key of the block of <paramref name="seriesId"/> for the UTC hour holding <paramref name="ms"/>.</summary>
    public static long Key(long seriesId, long ms) => (RollupGrid.Floor(ms, RollupGrid.HourMs) / RollupGrid.HourMs * (1L << SeriesBits)) + seriesId;

    /// <summary>The first key of every block of hours from the one holding <paramref name="ms"/> on.</summary>
    public static long FirstKeyOfHour(long ms) => Key(0, ms);

    private static long HourOf(long key) => (key >> SeriesBits) * RollupGrid.HourMs;

    /// <summary>Appends the minutes of <paramref name="seriesId"/> starting in [<paramref name="fromMs"/>, <paramref name="toMs"/>) to <paramref name="into"/>, in time order.</summary>
    public void Read(long seriesId, long fromMs, long toMs, List<RollupAccumulator> into)
    {
        if (toMs <= fromMs)
        {
            return;
        }

        var blocks = new List<RollupAccumulator>();
        using (var command = Command("""
            SELECT key, crc, data FROM minute_block
            WHERE key >= $lo AND key < $hi AND (key & $mask) = $s ORDER BY key;
            """))
        {
            command.Parameters.AddWithValue("$lo", FirstKeyOfHour(fromMs));
            command.Parameters.AddWithValue("$hi", FirstKeyOfHour(toMs - 1) + (1L << SeriesBits));
            command.Parameters.AddWithValue("$mask", SeriesMask);
            command.Parameters.AddWithValue("$s", seriesId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                TryDecode(reader, seriesId, blocks);
            }
        }

        blocks.RemoveAll(m => m.Start < fromMs || m.Start >= toMs);

        Merge(blocks, ReadRows(seriesId, fromMs, toMs), int.MaxValue, into);
    }

    /// <summary>Appends up to <paramref name="maxCount"/> minutes of <paramref name="seriesId"/> starting after <paramref name="afterMs"/>, oldest first.</summary>
    public void ReadAfter(long seriesId, long afterMs, int maxCount, List<RollupAccumulator> into)
    {
        var rows = new List<RollupAccumulator>();
        using (var command = Command("""
            SELECT start_ms, count, sum, min, max, energy FROM rollup
            WHERE series_id = $s AND level = 0 AND start_ms > $after ORDER BY start_ms LIMIT $n;
            """))
        {
            command.Parameters.AddWithValue("$s", seriesId);
            command.Parameters.AddWithValue("$after", afterMs);
            command.Parameters.AddWithValue("$n", maxCount);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(RollupUpdater.ReadAccumulator(reader, 0));
            }
        }

        var blocks = new List<RollupAccumulator>();
        using (var command = Command("SELECT key, crc, data FROM minute_block WHERE key >= $lo AND (key & $mask) = $s ORDER BY key;"))
        {
            command.Parameters.AddWithValue("$lo", afterMs == long.MinValue ? long.MinValue : FirstKeyOfHour(afterMs));
            command.Parameters.AddWithValue("$mask", SeriesMask);
            command.Parameters.AddWithValue("$s", seriesId);
            using var reader = command.ExecuteReader();

            // Rows and blocks are each in time order, so the first maxCount of the blocks' minutes are all the merge can need.
            while (blocks.Count < maxCount && reader.Read())
            {
                TryDecode(reader, seriesId, blocks);
                blocks.RemoveAll(m => m.Start <= afterMs);
            }
        }

        Merge(blocks, rows, maxCount, into);
    }

    /// <summary>
    /// Removes the block of <paramref name="seriesId"/> for the hour from <paramref name="hourStart"/> and appends its
    /// minutes to <paramref name="into"/>; false when there is none or it is damaged (then it is left where it is and
    /// listed in <see cref="Corrupt"/>).
    /// </summary>
    public bool TryTake(long seriesId, long hourStart, List<RollupAccumulator> into)
    {
        using var command = Command("SELECT key, crc, data FROM minute_block WHERE key = $k;");
        command.Parameters.AddWithValue("$k", Key(seriesId, hourStart));
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || !TryDecode(reader, seriesId, into))
            {
                return false;
            }
        }

        command.CommandText = "DELETE FROM minute_block WHERE key = $k;";
        command.ExecuteNonQuery();
        return true;
    }

    /// <summary>The start of the UTC hour of the oldest minute row of <paramref name="seriesId"/> before <paramref name="beforeMs"/>, if any.</summary>
    public long? OldestRowHour(long seriesId, long beforeMs)
    {
        using var command = Command("SELECT min(start_ms) FROM rollup WHERE series_id = $s AND level = 0 AND start_ms < $before;");
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$before", beforeMs);
        return command.ExecuteScalar() is long oldest ? RollupGrid.Floor(oldest, RollupGrid.HourMs) : null;
    }

    /// <summary>
    /// Packs the minute rows of the hour from <paramref name="hourStart"/> (with the minutes of a block already there,
    /// rows winning) into its block and deletes the rows. False when a block there is damaged: nothing changes.
    /// </summary>
    public bool Pack(long seriesId, long hourStart)
    {
        var minutes = new List<RollupAccumulator>();
        using (var command = Command("SELECT key, crc, data FROM minute_block WHERE key = $k;"))
        {
            command.Parameters.AddWithValue("$k", Key(seriesId, hourStart));
            using var reader = command.ExecuteReader();
            if (reader.Read() && !TryDecode(reader, seriesId, minutes))
            {
                return false;
            }
        }

        var merged = new List<RollupAccumulator>(MinuteBlockCodec.MinutesPerHour);
        Merge(minutes, ReadRows(seriesId, hourStart, hourStart + RollupGrid.HourMs), int.MaxValue, merged);
        using var write = Command("DELETE FROM rollup WHERE series_id = $s AND level = 0 AND start_ms >= $from AND start_ms < $to;");
        write.Parameters.AddWithValue("$s", seriesId);
        write.Parameters.AddWithValue("$from", hourStart);
        write.Parameters.AddWithValue("$to", hourStart + RollupGrid.HourMs);
        write.ExecuteNonQuery();
        merged.RemoveAll(m => m.IsEmpty);
        if (merged.Count == 0)
        {
            return true;
        }

        var data = MinuteBlockCodec.Encode(hourStart, CollectionsMarshal.AsSpan(merged));
        write.Parameters.Clear();
        write.CommandText = "INSERT OR REPLACE INTO minute_block(key, crc, data) VALUES ($k, $c, $d);";
        write.Parameters.AddWithValue("$k", Key(seriesId, hourStart));
        write.Parameters.AddWithValue("$c", (long)Crc32.HashToUInt32(data));
        write.Parameters.AddWithValue("$d", data);
        write.ExecuteNonQuery();
        return true;
    }

    private List<RollupAccumulator> ReadRows(long seriesId, long fromMs, long toMs)
    {
        var rows = new List<RollupAccumulator>();
        using var command = Command("""
            SELECT start_ms, count, sum, min, max, energy FROM rollup
            WHERE series_id = $s AND level = 0 AND start_ms >= $from AND start_ms < $to ORDER BY start_ms;
            """);
        command.Parameters.AddWithValue("$s", seriesId);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(RollupUpdater.ReadAccumulator(reader, 0));
        }

        return rows;
    }

    /// <summary>Deletes the blocks of <paramref name="seriesId"/> for the hours after the one holding <paramref name="ms"/>.</summary>
    public void DeleteAfterHour(long seriesId, long ms)
    {
        using var command = Command("DELETE FROM minute_block WHERE key >= $lo AND (key & $mask) = $s;");
        command.Parameters.AddWithValue("$lo", FirstKeyOfHour(ms) + (1L << SeriesBits));
        command.Parameters.AddWithValue("$mask", SeriesMask);
        command.Parameters.AddWithValue("$s", seriesId);
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes every block of a whole hour ending at or before <paramref name="cutoffMs"/> (minute retention).</summary>
    public void DeleteHoursBefore(long cutoffMs)
    {
        using var command = Command("DELETE FROM minute_block WHERE key < $k;");
        command.Parameters.AddWithValue("$k", FirstKeyOfHour(cutoffMs));
        command.ExecuteNonQuery();
    }

    /// <summary>Moves the block to <c>quarantine_minute_block</c>; false when it was no longer there.</summary>
    public bool Quarantine(CorruptMinuteBlock block, long nowMs)
    {
        using var command = Command("""
            INSERT INTO quarantine_minute_block(key, crc, data, reason, found_at_ms)
            SELECT key, crc, data, $reason, $now FROM minute_block WHERE key = $k;
            """);
        command.Parameters.AddWithValue("$k", Key(block.SeriesId, block.HourStartMs));
        command.Parameters.AddWithValue("$reason", block.Reason);
        command.Parameters.AddWithValue("$now", nowMs);
        if (command.ExecuteNonQuery() == 0)
        {
            return false;
        }

        command.CommandText = "DELETE FROM minute_block WHERE key = $k;";
        command.ExecuteNonQuery();
        return true;
    }

    /// <summary>Verifies and decodes the block in the reader's row (key, crc, data); a bad one is listed in <see cref="Corrupt"/>.</summary>
    private bool TryDecode(SqliteDataReader reader, long seriesId, List<RollupAccumulator> into)
    {
        var hour = HourOf(reader.GetInt64(0));
        var data = (byte[])reader.GetValue(2);
        if (Crc32.HashToUInt32(data) != (uint)reader.GetInt64(1))
        {
            Corrupt.Add(new CorruptMinuteBlock(seriesId, hour, "checksum mismatch"));
            return false;
        }

        var before = into.Count;
        try
        {
            MinuteBlockCodec.Decode(data, hour, into);
            return true;
        }
        catch (InvalidDataException exception)
        {
            into.RemoveRange(before, into.Count - before);
            Corrupt.Add(new CorruptMinuteBlock(seriesId, hour, exception.Message));
            return false;
        }
    }

    /// <summary>Merges two lists in time order into <paramref name="into"/>, up to <paramref name="maxCount"/>; a row wins over a block's minute at the same start.</summary>
    private static void Merge(List<RollupAccumulator> blocks, List<RollupAccumulator> rows, int maxCount, List<RollupAccumulator> into)
    {
        int b = 0, r = 0, added = 0;
        while (added < maxCount && (b < blocks.Count || r < rows.Count))
        {
            if (r < rows.Count && (b == blocks.Count || rows[r].Start <= blocks[b].Start))
            {
                if (b < blocks.Count && blocks[b].Start == rows[r].Start)
                {
                    b++;
                }

                into.Add(rows[r++]);
            }
            else
            {
                into.Add(blocks[b++]);
            }

            added++;
        }
    }

    private SqliteCommand Command(string sql)
    {
        // A read connection's commands join its open transaction by themselves.
        var command = connection.CreateCommand();
        if (transaction is not null)
        {
            command.Transaction = transaction;
        }

        command.CommandText = sql;
        return command;
    }
}
