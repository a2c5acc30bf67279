namespace Aizu.Storage;

internal sealed partial class ReadingStore
{
    /// <summary>
    /// Erases every stored reading: sealed chunks, the open chunk, late rows, every rollup, quarantined
    /// chunks and the series list, in one transaction (all or nothing). Deleted pages are overwritten
    /// (<c>secure_delete</c>) and the write-ahead log is truncated, so the values do not linger in the file.
    /// </summary>
    /// <remarks>
    /// Tables other components keep in the same file (consent ledger, receipts, outbox, egress log) and
    /// the positions consumers saved with <see cref="SetCursorsAsync"/> are not touched. The store stays
    /// open: readings appended afterwards are stored as on a fresh file.
    /// </remarks>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is erased.</exception>
    public async Task<EraseResult> EraseReadingsAsync(CancellationToken cancellationToken)
    {
        var result = await database.WriteAsync(connection =>
        {
            GatewayDatabase.Execute(connection, "PRAGMA secure_delete = ON;");
            EraseResult erased;
            using (var transaction = connection.BeginTransaction())
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    SELECT (SELECT count(*) FROM series),
                           (SELECT coalesce(sum(count), 0) FROM chunk)
                         + (SELECT count(*) FROM open_reading)
                         + (SELECT count(*) FROM late_reading WHERE replaces = 0)
                         + (SELECT count(*) FROM set_aside_reading);
                    """;
                using (var reader = command.ExecuteReader())
                {
                    reader.Read();
                    erased = new EraseResult(reader.GetInt32(0), reader.GetInt64(1));
                }

                command.CommandText = """
                    DELETE FROM chunk;
                    DELETE FROM open_reading;
                    DELETE FROM late_reading;
                    DELETE FROM rollup;
                    DELETE FROM minute_block;
                    DELETE FROM quarantine_chunk;
                    DELETE FROM quarantine_minute_block;
                    DELETE FROM set_aside_reading;
                    DELETE FROM series;
                    """;
                command.ExecuteNonQuery();
                transaction.Commit();
            }

            // The old pages are zeroed in the WAL; copying them home and truncating the WAL leaves no trace there either.
            GatewayDatabase.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            GatewayDatabase.Execute(connection, "PRAGMA secure_delete = OFF;");

            // Readings still waiting for the commit window are the household's too.
            erased = erased with { Readings = erased.Readings + pending.Count };
            ForgetPending();
            unsettled = false;

            // Series states, rollup statements and pooled readers all describe data that is gone: start afresh.
            database.DropWriter();
            lock (healthLock)
            {
                oldestRawMs = null;
                quarantinedChunks = 0;
            }

            return erased;
        }, cancellationToken);
        logger.ReadingsErased(result.Readings, result.Series);
        return result;
    }
}
