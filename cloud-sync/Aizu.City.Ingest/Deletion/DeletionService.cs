namespace Aizu.City.Ingest;

/// <summary>
/// Carries out a household's deletion request: for every data set it names, deletes that data set's
/// aggregates of the category, appends the deletion to <c>deletion_log</c> and queues a signed
/// confirmation, all in one transaction. Every instance receives every request; the log's key makes the
/// second instance (and a re-sent request) a no-op.
/// </summary>
public sealed class DeletionService(IngestDatabase database, DeletionConfirmationSigner signer, IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly string recipient = options.Value.Recipient;

    /// <summary>Deletes what <paramref name="request"/> names; returns the rows deleted now (0 when done before).</summary>
    public async Task<long> ExecuteAsync(string requestId, DeletionRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Waits for batches being stored and holds new ones back until this commits, so a window in flight
        // either lands before and is deleted, or after and meets the log row (AggregateStore) and is refused.
        await using (var exclusive = new NpgsqlCommand("LOCK TABLE aggregate IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
        {
            await exclusive.ExecuteNonQueryAsync(cancellationToken);
        }

        long total = 0;
        // One request names one data set (its pseudonym) and the consent references whose data goes.
        var references = request.Consents.ToArray();
        var named = string.Join(',', references);
        foreach (var pseudonym in (string[])[request.Pseudonym])
        {
            await using (var done = new NpgsqlCommand("SELECT 1 FROM deletion_log WHERE request_id = $1 AND pseudonym = $2 AND category = $3", connection, transaction))
            {
                done.Parameters.Add(new() { Value = requestId });
                done.Parameters.Add(new() { Value = pseudonym });
                done.Parameters.Add(new() { Value = request.Category });
                if (await done.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    continue;
                }
            }

            long rows = 0;
            // "version": the household replaced this version's terms; what came under other versions stays. The
            // data set's alert acknowledgements go with its aggregates (same data set, same rules).
            foreach (var table in (string[])["aggregate", "alert_ack"])
            {
                // The table name is one of the two constants above, never from a message.
                await using var delete = new NpgsqlCommand(
                    $"DELETE FROM {table} WHERE purpose = $1 AND pseudonym = $2 AND category = $3 AND ($4 <> 'version' OR consent_ref = ANY($5))", connection, transaction);
                delete.Parameters.Add(new() { Value = request.Purpose });
                delete.Parameters.Add(new() { Value = pseudonym });
                delete.Parameters.Add(new() { Value = request.Category });
                delete.Parameters.Add(new() { Value = request.Scope });
                delete.Parameters.Add(new() { Value = references });
                rows += await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            var now = time.GetUtcNow();
            var at = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
            await using (var log = new NpgsqlCommand(
                """
                INSERT INTO deletion_log (reason, request_id, purpose, pseudonym, category, consent_ref, requested_at, deleted_at, rows_deleted)
                VALUES ('withdrawal', $1, $2, $3, $4, $5, $6, $7, $8)
                """, connection, transaction))
            {
                log.Parameters.Add(new() { Value = requestId });
                log.Parameters.Add(new() { Value = request.Purpose });
                log.Parameters.Add(new() { Value = pseudonym });
                log.Parameters.Add(new() { Value = request.Category });
                log.Parameters.Add(new() { Value = named });
                // A day on the wire: everything up to the end of the request's day is covered.
                log.Parameters.Add(new() { Value = ConsentRegistry.StartOf(request.At).AddDays(1).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                log.Parameters.Add(new() { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                log.Parameters.Add(new() { Value = rows });
                await log.ExecuteNonQueryAsync(cancellationToken);
            }

            var confirmation = new DeletionConfirmationMessage(named, request.Purpose, request.Category, pseudonym, recipient, requestId, rows, at);
            await using (var outbox = new NpgsqlCommand(
                "INSERT INTO confirmation_outbox (request_id, pseudonym, category, topic, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6)", connection, transaction))
            {
                outbox.Parameters.Add(new() { Value = requestId });
                outbox.Parameters.Add(new() { Value = pseudonym });
                outbox.Parameters.Add(new() { Value = request.Category });
                outbox.Parameters.Add(new() { Value = WireTopics.DeletionConfirmation(request.Purpose, pseudonym) });
                outbox.Parameters.Add(new() { Value = signer.Sign(confirmation) });
                outbox.Parameters.Add(new() { Value = at.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await outbox.ExecuteNonQueryAsync(cancellationToken);
            }

            total += rows;
        }

        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    /// <summary>Confirmations not yet published, oldest first.</summary>
    public async Task<IReadOnlyList<PendingConfirmation>> PendingConfirmationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT request_id, pseudonym, category, topic, payload FROM confirmation_outbox WHERE published_at IS NULL ORDER BY created_at LIMIT 1000", connection);
        var list = new List<PendingConfirmation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new PendingConfirmation(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), (byte[])reader[4]));
        }

        return list;
    }

    /// <summary>Records that the broker acknowledged a confirmation.</summary>
    public async Task MarkPublishedAsync(string requestId, string pseudonym, string category, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE confirmation_outbox SET published_at = $4 WHERE request_id = $1 AND pseudonym = $2 AND category = $3", connection);
        command.Parameters.Add(new() { Value = requestId });
        command.Parameters.Add(new() { Value = pseudonym });
        command.Parameters.Add(new() { Value = category });
        command.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
