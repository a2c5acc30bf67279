namespace Aizu.Egress;

/// <summary>
/// Everything that ever left the gateway: each completed send with its time, topic, payload exactly as
/// sent, consent reference and the broker's PUBACK reason code. Read-only and append-only from here;
/// each call opens its own read-only connection, so <c>aizu egress log</c> can read it while the
/// gateway runs.
/// </summary>
public sealed class EgressLog
{
    private readonly string path;

    /// <summary>Reads <see cref="EgressOptions.DatabasePath"/>.</summary>
    public EgressLog(IOptions<EgressOptions> options)
        : this(options?.Value.DatabasePath ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Reads the gateway's SQLite file at <paramref name="databasePath"/>.</summary>
    public EgressLog(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        path = Path.GetFullPath(databasePath);
    }

    /// <summary>
    /// Checks the hash chain of the whole log: row ids without gaps, each <c>prev_hash</c> equal to the
    /// previous row's hash, each hash equal to its row's content. Stops at the first break and says where.
    /// </summary>
    /// <exception cref="SqliteException">The file does not exist or cannot be read.</exception>
    public Task<EgressLogVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = GatewayDatabase.OpenReadOnly(path);
        if (EgressSchemaProbe.HasLog(connection) is false)
        {
            return Task.FromResult(new EgressLogVerification(true, 0, 0, null, null, EgressLogChain.Genesis));
        }

        if (!EgressSchemaProbe.HasLogChain(connection))
        {
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM egress_log;";
            return Task.FromResult(new EgressLogVerification(true, 0, (long)count.ExecuteScalar()!, null, null, EgressLogChain.Genesis));
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, {EgressLogChain.Columns}, prev_hash, hash FROM egress_log ORDER BY id;";
        using var reader = command.ExecuteReader();
        var (rows, unchained, previousId, previousHash) = (0L, 0L, (long?)null, EgressLogChain.Genesis);
        EgressLogVerification Broken(long id, string problem) => new(false, rows, unchained, id, problem, previousHash);
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var prevColumn = EgressLogChain.ColumnCount + 1;
            if (reader.IsDBNull(prevColumn + 1))
            {
                // Rows from before the chain: only at the start, never after a chained row.
                if (rows > 0)
                {
                    return Task.FromResult(Broken(id, "the row has no hash although rows before it have one (it was inserted or its hash removed)."));
                }

                unchained++;
                previousId = id;
                continue;
            }

            if (previousId is { } before && id != before + 1 && rows > 0)
            {
                return Task.FromResult(Broken(id, $"rows {before + 1}–{id - 1} are missing: the log was cut between row {before} and row {id}."));
            }

            if (reader.GetValue(prevColumn) is not string prev || !string.Equals(prev, previousHash, StringComparison.Ordinal))
            {
                return Task.FromResult(Broken(id, previousId is null
                    ? "the first chained row does not start from the genesis value."
                    : $"prev_hash does not match row {previousId} (a row before it was removed or changed)."));
            }

            var computed = EgressLogChain.Compute(reader, 1, previousHash);
            if (reader.GetValue(prevColumn + 1) is not string stored || !string.Equals(stored, computed, StringComparison.Ordinal))
            {
                return Task.FromResult(Broken(id, "the stored hash does not match the row's content (the row was edited)."));
            }

            rows++;
            previousId = id;
            previousHash = computed;
        }

        return Task.FromResult(new EgressLogVerification(true, rows, unchained, null, null, previousHash));
    }

    /// <summary>Entries matching <paramref name="filter"/>, oldest first. Empty when nothing was ever sent.</summary>
    /// <exception cref="SqliteException">The file does not exist or cannot be read.</exception>
    public Task<IReadOnlyList<EgressLogEntry>> ListAsync(EgressLogFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = GatewayDatabase.OpenReadOnly(path);
        if (EgressSchemaProbe.HasLog(connection) is false)
        {
            return Task.FromResult<IReadOnlyList<EgressLogEntry>>([]);
        }

        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT msg_id, attempt, at_ms, kind, topic, payload, content_type, user_properties, retain, consent_ref, reason_code, reason, delivered
            FROM egress_log
            WHERE ($since IS NULL OR at_ms >= $since) AND ($until IS NULL OR at_ms < $until)
              AND ($consent IS NULL OR consent_id = $consent) AND ($delivered IS NULL OR delivered = $delivered)
            ORDER BY id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$since", (object?)filter.Since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$until", (object?)filter.Until?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$consent", (object?)filter.ConsentId ?? DBNull.Value);
        command.Parameters.AddWithValue("$delivered", filter.Delivered is { } delivered ? (delivered ? 1 : 0) : DBNull.Value);
        command.Parameters.AddWithValue("$limit", Math.Max(0, filter.Limit));
        using var reader = command.ExecuteReader();
        var entries = new List<EgressLogEntry>();
        while (reader.Read())
        {
            entries.Add(new EgressLogEntry(
                reader.GetString(0),
                reader.GetInt32(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                (MessageKind)reader.GetInt32(3),
                reader.GetString(4),
                (byte[])reader.GetValue(5),
                reader.GetString(6),
                OutboxRows.ReadProperties(reader.GetString(7)),
                reader.GetInt64(8) != 0,
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetInt64(12) != 0));
        }

        return Task.FromResult<IReadOnlyList<EgressLogEntry>>(entries);
    }
}
