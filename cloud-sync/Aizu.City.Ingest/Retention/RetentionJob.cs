namespace Aizu.City.Ingest;

/// <summary>
/// Deletes aggregates whose retention has ended (each row carries the end its grant's retention gave it)
/// every <see cref="IngestOptions.RetentionInterval"/> on the injected clock, and appends one
/// <c>deletion_log</c> row per purpose and run. Every instance runs it; deleting what is already gone
/// deletes nothing.
/// </summary>
public sealed class RetentionJob(IngestDatabase database, IOptions<IngestOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    /// <summary>Deletes what has outlived its retention at the clock's now; returns rows deleted.</summary>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var run = $"retention:{now:yyyyMMddTHHmmssfffZ}:{Guid.NewGuid():N}";
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand(
            """
            WITH windows AS (DELETE FROM aggregate WHERE retain_until <= $1 RETURNING purpose),
                 acks AS (DELETE FROM alert_ack WHERE retain_until <= $1 RETURNING purpose),
                 gone AS (SELECT purpose FROM windows UNION ALL SELECT purpose FROM acks)
            INSERT INTO deletion_log (reason, request_id, purpose, pseudonym, category, consent_ref, requested_at, deleted_at, rows_deleted)
            SELECT 'retention', $2 || ':' || purpose, purpose, '*', '*', '*', $1, $1, count(*) FROM gone GROUP BY purpose
            RETURNING rows_deleted
            """, connection, transaction);
        delete.Parameters.Add(new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        delete.Parameters.Add(new() { Value = run });
        long total = 0;
        await using (var reader = await delete.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                total += reader.GetInt64(0);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (total > 0)
        {
            logger.RetentionDeleted(total);
        }

        return total;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        try
        {
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (NpgsqlException exception)
                {
                    // The next run tries again; nothing is lost by waiting.
                    logger.RetentionFailed(exception.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
