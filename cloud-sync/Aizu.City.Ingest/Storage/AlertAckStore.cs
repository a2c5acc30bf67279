namespace Aizu.City.Ingest;

/// <summary>
/// Stores accepted alert acknowledgements in <c>alert_ack</c>, a batch per transaction, once per message id;
/// like an energy window, one of a data set deleted on request after its window is not stored again.
/// </summary>
public sealed class AlertAckStore(IngestDatabase database, TimeProvider time)
{
    /// <summary>Stores <paramref name="acks"/> (windows whose <see cref="EnergyWindow.Alert"/> is set) in one transaction.</summary>
    public async Task<StoreOutcome> StoreAsync(IReadOnlyList<(EnergyWindow Ack, DateTimeOffset RetainUntil, string? District)> acks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acks);
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (acks.Count == 0)
        {
            return new StoreOutcome(inserted, known, new HashSet<string>());
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            $$"""
            INSERT INTO alert_ack (message_id, purpose, pseudonym, category, alert_ref, window_start, window_end, aggregation, consent_ref, district, received_at, retain_until)
            SELECT m.message_id, m.purpose, m.pseudonym, m.category, m.alert_ref, m.window_start, m.window_end, m.aggregation, m.consent_ref, m.district, $11, m.retain_until
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $12::timestamptz[])
                AS m(message_id, purpose, pseudonym, category, alert_ref, window_start, window_end, aggregation, consent_ref, district, retain_until)
            WHERE NOT EXISTS ({{AggregateStore.DeletedAfterWindow}})
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """, connection, transaction))
        {
            AggregateStore.Add(insert, acks.Select(a => a.Ack.MessageId));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.DataSet.Purpose));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.DataSet.Pseudonym));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.Category));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.Alert!));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.Start));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.End));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.Aggregation));
            AggregateStore.Add(insert, acks.Select(a => a.Ack.Consent));
            insert.Parameters.Add(new() { Value = acks.Select(a => a.District).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            AggregateStore.Add(insert, acks.Select(a => a.RetainUntil));
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetString(0));
            }
        }

        // Not inserted: stored before (a re-send), or refused because its data set was deleted.
        var rest = acks.Select(a => a.Ack.MessageId).Where(id => !inserted.Contains(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (rest.Length > 0)
        {
            await using var stored = new NpgsqlCommand("SELECT message_id FROM alert_ack WHERE message_id = ANY($1)", connection, transaction);
            AggregateStore.Add(stored, rest);
            await using var reader = await stored.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(reader.GetString(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        var duplicates = new HashSet<string>(known, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in acks.Select(a => a.Ack.MessageId).Where(id => !seen.Add(id) && inserted.Contains(id)))
        {
            duplicates.Add(id);
        }

        return new StoreOutcome(inserted, duplicates, rest.Where(id => !known.Contains(id)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Every stored acknowledgement as (message id, purpose, pseudonym, alert, window start, consent), ordered by message id.</summary>
    public async Task<IReadOnlyList<(string MessageId, string Purpose, string Pseudonym, string Alert, DateTimeOffset Window, string Consent)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT message_id, purpose, pseudonym, alert_ref, window_start, consent_ref FROM alert_ack ORDER BY message_id", connection);
        var list = new List<(string, string, string, string, DateTimeOffset, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)), reader.GetString(5)));
        }

        return list;
    }
}
