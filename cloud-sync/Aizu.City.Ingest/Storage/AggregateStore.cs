namespace Aizu.City.Ingest;

/// <summary>
/// Stores accepted windows, a batch per transaction: one <c>INSERT … SELECT FROM unnest(…) ON CONFLICT DO
/// NOTHING</c>, so a re-sent message id is stored once however often and by whichever instance it
/// arrives. A window of a data set deleted on the household's request after the window ended is not
/// stored again (a message still in flight when the deletion ran).
/// </summary>
public sealed class AggregateStore(IngestDatabase database, TimeProvider time)
{
    // Creating a partition takes a lock on the parent; two instances doing it at once wait on this instead of failing.
    private const long PartitionLock = 0x4169_7a75_5061_7274;
    private readonly ConcurrentDictionary<DateTime, bool> partitions = new();

    /// <summary>
    /// The deletion-log rows that make a window <c>m</c> (purpose, pseudonym, category, window_end) one of a data set
    /// deleted on request after it ended: a message still in flight then is not stored again.
    /// </summary>
    internal const string DeletedAfterWindow = """
        SELECT 1 FROM deletion_log d
        WHERE d.reason = 'withdrawal' AND d.purpose = m.purpose AND d.pseudonym = m.pseudonym
          AND d.category = m.category AND d.requested_at >= m.window_end
        """;

    /// <summary>
    /// Stores <paramref name="windows"/> (with their retention ends and the district of the grant each was accepted
    /// under, null when the household did not share one) in one transaction.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(IReadOnlyList<(EnergyWindow Window, DateTimeOffset RetainUntil, string? District)> windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
        {
            return new StoreOutcome(new HashSet<string>(), new HashSet<string>(), new HashSet<string>());
        }

        await EnsurePartitionsAsync(windows.Select(w => w.Window.Start), cancellationToken);
        var received = time.GetUtcNow().UtcDateTime;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            $$"""
            INSERT INTO aggregate (message_id, purpose, pseudonym, category, window_start, window_end, aggregation, value_wh, consent_ref, received_at, retain_until, district)
            SELECT m.message_id, m.purpose, m.pseudonym, m.category, m.window_start, m.window_end, m.aggregation, m.value_wh, m.consent_ref, $10, m.retain_until, m.district
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::float8[], $9::text[], $11::timestamptz[], $12::text[])
                AS m(message_id, purpose, pseudonym, category, window_start, window_end, aggregation, value_wh, consent_ref, retain_until, district)
            WHERE NOT EXISTS ({{DeletedAfterWindow}})
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """, connection, transaction);
        Add(insert, windows.Select(w => w.Window.MessageId));
        Add(insert, windows.Select(w => w.Window.DataSet.Purpose));
        Add(insert, windows.Select(w => w.Window.DataSet.Pseudonym));
        Add(insert, windows.Select(w => w.Window.Category));
        Add(insert, windows.Select(w => w.Window.Start));
        Add(insert, windows.Select(w => w.Window.End));
        Add(insert, windows.Select(w => w.Window.Aggregation));
        insert.Parameters.Add(new() { Value = windows.Select(w => w.Window.ValueWh).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double });
        Add(insert, windows.Select(w => w.Window.Consent));
        insert.Parameters.Add(new() { Value = received, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        Add(insert, windows.Select(w => w.RetainUntil));
        insert.Parameters.Add(new() { Value = windows.Select(w => w.District).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetString(0));
            }
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.CheckViolation)
        {
            // No partition for a window: one was detached or dropped behind this instance's back. Forget what
            // it knew so the caller's retry creates it again.
            partitions.Clear();
            throw;
        }

        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var rest = windows.Where(w => !inserted.Contains(w.Window.MessageId)).Select(w => w.Window).ToList();
        if (rest.Count > 0)
        {
            await using var tombstoned = new NpgsqlCommand(
                $$"""
                SELECT m.message_id FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS m(message_id, purpose, pseudonym, category, window_end)
                WHERE EXISTS ({{DeletedAfterWindow}})
                """, connection, transaction);
            Add(tombstoned, rest.Select(w => w.MessageId));
            Add(tombstoned, rest.Select(w => w.DataSet.Purpose));
            Add(tombstoned, rest.Select(w => w.DataSet.Pseudonym));
            Add(tombstoned, rest.Select(w => w.Category));
            Add(tombstoned, rest.Select(w => w.End));
            await using var reader = await tombstoned.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                deleted.Add(reader.GetString(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        // A re-send of an id this batch stored (the same message twice in one batch) is a duplicate too.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = rest.Select(w => w.MessageId).Where(id => !deleted.Contains(id)).ToHashSet(StringComparer.Ordinal);
        foreach (var window in windows)
        {
            if (!seen.Add(window.Window.MessageId) && inserted.Contains(window.Window.MessageId))
            {
                duplicates.Add(window.Window.MessageId);
            }
        }

        return new StoreOutcome(inserted, duplicates, deleted);
    }

    /// <summary>Every stored aggregate of <paramref name="purpose"/> (all purposes when null), ordered.</summary>
    public async Task<IReadOnlyList<StoredAggregate>> ListAsync(string? purpose, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT message_id, purpose, pseudonym, category, window_start, aggregation, value_wh, consent_ref, retain_until, district
            FROM aggregate WHERE $1::text IS NULL OR purpose = $1 ORDER BY purpose, pseudonym, category, window_start, message_id
            """, connection);
        command.Parameters.Add(new() { Value = (object?)purpose ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var list = new List<StoredAggregate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StoredAggregate(
                reader.GetString(0), new DataSet(reader.GetString(1), reader.GetString(2)), reader.GetString(3),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)), reader.GetString(5), reader.GetDouble(6), reader.GetString(7),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(8), DateTimeKind.Utc)))
            {
                District = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
        }

        return list;
    }

    /// <summary>Creates the monthly partitions <paramref name="starts"/> fall in, where missing.</summary>
    public async Task EnsurePartitionsAsync(IEnumerable<DateTimeOffset> starts, CancellationToken cancellationToken)
    {
        var missing = starts.Select(s => new DateTime(s.UtcDateTime.Year, s.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc)).Distinct().Where(m => !partitions.ContainsKey(m)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var wait = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PartitionLock})", connection, transaction))
        {
            await wait.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var month in missing)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"aggregate_y{month:yyyy}m{month:MM}");
            var from = month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = month.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // Names and bounds come from a date, never from a message: no injection through this string.
            await using var create = new NpgsqlCommand(
                $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF aggregate FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00')", connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var month in missing)
        {
            partitions[month] = true;
        }
    }

    internal static void Add(NpgsqlCommand command, IEnumerable<string> values) =>
        command.Parameters.Add(new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });

    internal static void Add(NpgsqlCommand command, IEnumerable<DateTimeOffset> values) =>
        command.Parameters.Add(new() { Value = values.Select(v => v.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
}
