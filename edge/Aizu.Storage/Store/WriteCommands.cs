namespace Aizu.Storage;

/// <summary>
/// The prepared statements the writer uses for raw data, created on first use and kept for the
/// writer connection's lifetime: compiling them for every batch cost more than a small batch's inserts.
/// </summary>
internal sealed class WriteCommands(SqliteConnection connection) : IDisposable
{
    /// <summary>The write transaction the next statements run in.</summary>
    public SqliteTransaction? Transaction { get; set; }

    private SqliteCommand? insertOpen;
    private SqliteCommand? deleteOpen;
    private SqliteCommand? insertChunk;
    private SqliteCommand? insertLate;
    private SqliteCommand? lateExists;

    /// <summary>
    /// Adds (or replaces) an open row. Callers insert a commit's rows in (timestamp, series) order, so they are appended
    /// to the table's tail page (see <see cref="StorageSchema"/>, version 3).
    /// </summary>
    public void InsertOpen(long seriesId, long ms, double value, byte quality)
    {
        insertOpen ??= Prepare(
            "INSERT OR REPLACE INTO open_reading(ts_key, series_id, ts_ms, value, quality) VALUES ($k, $s, $t, $v, $q);",
            ("$k", SqliteType.Integer), ("$s", SqliteType.Integer), ("$t", SqliteType.Integer), ("$v", SqliteType.Real), ("$q", SqliteType.Integer));
        Run(insertOpen, OpenRowKey.Of(seriesId, ms), seriesId, ms, value, (int)quality);
    }

    /// <summary>Removes the open rows that were just sealed into chunks.</summary>
    public void DeleteOpen(long seriesId, long throughMs)
    {
        deleteOpen ??= Prepare(
            "DELETE FROM open_reading WHERE ts_key <= $k AND series_id = $s;",
            ("$s", SqliteType.Integer), ("$k", SqliteType.Integer));
        Run(deleteOpen, seriesId, OpenRowKey.Last(throughMs));
    }

    public void InsertChunk(long seriesId, long startMs, long endMs, int count, uint crc, byte[] data)
    {
        insertChunk ??= Prepare(
            "INSERT INTO chunk(series_id, start_ms, end_ms, count, crc, data) VALUES ($s, $a, $b, $n, $c, $d);",
            ("$s", SqliteType.Integer), ("$a", SqliteType.Integer), ("$b", SqliteType.Integer),
            ("$n", SqliteType.Integer), ("$c", SqliteType.Integer), ("$d", SqliteType.Blob));
        Run(insertChunk, seriesId, startMs, endMs, count, (long)crc, data);
    }

    public void InsertLate(long seriesId, long ms, double value, byte quality, bool replaces)
    {
        insertLate ??= Prepare(
            "INSERT OR REPLACE INTO late_reading(series_id, ts_ms, value, quality, replaces) VALUES ($s, $t, $v, $q, $r);",
            ("$s", SqliteType.Integer), ("$t", SqliteType.Integer), ("$v", SqliteType.Real),
            ("$q", SqliteType.Integer), ("$r", SqliteType.Integer));
        Run(insertLate, seriesId, ms, value, (int)quality, replaces ? 1 : 0);
    }

    /// <summary>Whether the late row at <paramref name="ms"/> replaces a chunk's point; null when there is no such row.</summary>
    public bool? LateReplaces(long seriesId, long ms)
    {
        lateExists ??= Prepare(
            "SELECT replaces FROM late_reading WHERE series_id = $s AND ts_ms = $t;",
            ("$s", SqliteType.Integer), ("$t", SqliteType.Integer));
        lateExists.Transaction = Transaction;
        lateExists.Parameters[0].Value = seriesId;
        lateExists.Parameters[1].Value = ms;
        return lateExists.ExecuteScalar() is long replaces ? replaces == 1 : null;
    }

    public void Dispose()
    {
        insertOpen?.Dispose();
        deleteOpen?.Dispose();
        insertChunk?.Dispose();
        insertLate?.Dispose();
        lateExists?.Dispose();
    }

    private SqliteCommand Prepare(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        command.Prepare();
        return command;
    }

    private void Run(SqliteCommand command, params object[] values)
    {
        command.Transaction = Transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
