namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    // Rows converted per transaction: bounded so a large demo database neither holds everything in
    // memory nor loses the work done when the power goes mid-way (each step commits on its own).
    private const int LegacyRowsPerStep = 100_000;

    /// <summary>
    /// Converts the version 1 row table (renamed <c>legacy_reading</c> by the migration) into chunks and
    /// rollups through the normal write path, oldest rows first, deleting each step's rows in the
    /// transaction that stores them; drops the table when it is empty.
    /// </summary>
    private void ImportLegacyRows(SqliteConnection connection)
    {
        using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'legacy_reading';";
            if ((long)exists.ExecuteScalar()! == 0)
            {
                return;
            }
        }

        var byId = series.Values.ToDictionary(s => s.Id);
        long converted = 0;
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            var touched = new List<SeriesState>();
            long cutoff;
            using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = """
                    SELECT ts_ms FROM legacy_reading ORDER BY ts_ms LIMIT 1 OFFSET $n;
                    """;
                select.Parameters.AddWithValue("$n", LegacyRowsPerStep);
                cutoff = select.ExecuteScalar() is long found ? found : long.MaxValue;
            }

            long rows = 0;
            using (var select = connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = "SELECT series_id, ts_ms, value, quality FROM legacy_reading WHERE ts_ms < $cutoff ORDER BY series_id, ts_ms;";
                select.Parameters.AddWithValue("$cutoff", cutoff);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    if (!byId.TryGetValue(reader.GetInt64(0), out var state))
                    {
                        continue;
                    }

                    if (state.Incoming.Count == 0)
                    {
                        touched.Add(state);
                    }

                    var ms = reader.GetInt64(1);
                    if (ms >= EarliestMs)
                    {
                        state.Incoming.Add(ms, reader.GetDouble(2), (byte)reader.GetInt32(3));
                    }

                    rows++;
                }
            }

            WriteIncoming(connection, transaction, touched);
            using (var delete = connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = cutoff == long.MaxValue
                    ? "DROP TABLE legacy_reading;"
                    : "DELETE FROM legacy_reading WHERE ts_ms < $cutoff;";
                delete.Parameters.AddWithValue("$cutoff", cutoff);
                delete.ExecuteNonQuery();
            }

            transaction.Commit();
            converted += rows;
            if (cutoff == long.MaxValue)
            {
                logger.LegacyRowsConverted(converted, 0);
                return;
            }
        }
    }
}
