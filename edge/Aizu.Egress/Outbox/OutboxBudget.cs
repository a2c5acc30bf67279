namespace Aizu.Egress;

/// <summary>
/// Keeps the data windows waiting in the outbox within <see cref="EgressOptions.OutboxMaxPending"/>. Enforced in
/// the transaction that adds a window: when the waiting windows exceed the budget, the oldest go first. Only
/// pending data rows are dropped, never the one the uplink holds right now, never a delivered row, a consent
/// state, a deletion request or an acknowledgement. A dropped row was never acknowledged by the broker (any
/// earlier attempt is already copied to the egress log) and is not re-sent, so nothing reaches the city twice and
/// nothing the household reads about what left changes. The count is kept in the file, for the panel.
/// </summary>
public sealed class OutboxBudget(IOptions<EgressOptions> options, EgressDatabase database, ILogger<OutboxBudget> logger)
{
    private const string DroppedKey = "outbox-budget:dropped";
    private const string LastDropKey = "outbox-budget:last-drop-ms";

    /// <summary>How full the outbox is, and how much the budget has dropped so far.</summary>
    public Task<OutboxBudgetStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT count(*) FROM egress_outbox WHERE state = 0 AND kind = 0),
                    (SELECT CAST(value AS INTEGER) FROM egress_state WHERE key = $dropped),
                    (SELECT CAST(value AS INTEGER) FROM egress_state WHERE key = $last);
                """;
            command.Parameters.AddWithValue("$dropped", DroppedKey);
            command.Parameters.AddWithValue("$last", LastDropKey);
            using var reader = command.ExecuteReader();
            reader.Read();
            return new OutboxBudgetStatus(
                reader.GetInt32(0),
                options.Value.OutboxMaxPending,
                reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
        }, cancellationToken);

    /// <summary>
    /// Drops the oldest waiting data windows beyond the budget inside <paramref name="transaction"/> and counts them;
    /// returns what was dropped (for <see cref="Report"/> after the commit), or null when the outbox is within it.
    /// </summary>
    internal (int Count, DateTimeOffset From, DateTimeOffset To)? Enforce(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset at)
    {
        long excess;
        using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT count(*) - $budget FROM egress_outbox WHERE state = 0 AND kind = 0;";
            count.Parameters.AddWithValue("$budget", options.Value.OutboxMaxPending);
            excess = (long)count.ExecuteScalar()!;
        }

        if (excess <= 0)
        {
            return null;
        }

        var created = new List<long>();
        using (var drop = connection.CreateCommand())
        {
            drop.Transaction = transaction;
            drop.CommandText = """
                DELETE FROM egress_outbox WHERE seq IN (
                    SELECT seq FROM egress_outbox WHERE state = 0 AND kind = 0 AND msg_id IS NOT $inHand ORDER BY seq LIMIT $excess)
                RETURNING created_ms;
                """;
            drop.Parameters.AddWithValue("$inHand", (object?)database.HandedOut ?? DBNull.Value);
            drop.Parameters.AddWithValue("$excess", excess);
            using var reader = drop.ExecuteReader();
            while (reader.Read())
            {
                created.Add(reader.GetInt64(0));
            }
        }

        if (created.Count == 0)
        {
            return null;
        }

        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = """
            INSERT INTO egress_state(key, value) VALUES ($dropped, $count) ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + $count;
            INSERT INTO egress_state(key, value) VALUES ($last, $at) ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            """;
        record.Parameters.AddWithValue("$dropped", DroppedKey);
        record.Parameters.AddWithValue("$last", LastDropKey);
        record.Parameters.AddWithValue("$count", created.Count);
        record.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        record.ExecuteNonQuery();
        return (created.Count, DateTimeOffset.FromUnixTimeMilliseconds(created.Min()), DateTimeOffset.FromUnixTimeMilliseconds(created.Max()));
    }

    /// <summary>Logs a committed drop once.</summary>
    internal void Report((int Count, DateTimeOffset From, DateTimeOffset To)? dropped)
    {
        if (dropped is { } drop)
        {
            logger.OutboxOverBudget(options.Value.OutboxMaxPending, drop.Count, drop.From, drop.To);
        }
    }
}
