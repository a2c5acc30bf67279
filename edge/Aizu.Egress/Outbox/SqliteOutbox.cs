namespace Aizu.Egress;

/// <summary>
/// The durable outbox in the gateway's SQLite file. Messages are handed out oldest first; a data
/// message is re-checked against its consent at that moment and dropped, never handed out, when the
/// consent no longer allows it. A message the broker refuses (reason code 0x80 or above) stays, with
/// its attempts and the reason, and is tried again after a back-off while later messages go on.
/// </summary>
public sealed class SqliteOutbox(
    EgressDatabase database, ConsentGate gate, OutboxSeal seal, EgressIntegrity integrity, TimeProvider time, ILogger<SqliteOutbox> logger)
    : IOutbox
{
    // Back-off for refused messages: a refusal (ACL, quota) rarely clears within seconds.
    private static readonly TimeSpan[] RetryDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
    ];

    // How long data waits for its data set's state before it is looked at again, should the delivery of the
    // state not release it first (it normally does, at once).
    private static readonly TimeSpan HoldRecheck = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    /// <remarks>
    /// Nothing is handed out while <see cref="EgressIntegrity"/> is closed. Every row's seal is checked
    /// first (a row that fails is quarantined, whatever its kind); then a data or acknowledgement row is
    /// checked against its consent and the city's catalogue, and dropped when they no longer allow it.
    /// </remarks>
    public async Task<UplinkMessage?> GetNextDueAsync(CancellationToken cancellationToken)
    {
        while (integrity.IsOpen)
        {
            var now = time.GetUtcNow();
            var next = await database.ReadAsync(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT {OutboxRows.SealedColumns}
                    FROM egress_outbox WHERE state = 0 AND next_attempt_ms <= $now ORDER BY seq LIMIT 1;
                    """;
                command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                {
                    return default;
                }

                // Marked under the writer lock, before the outbox budget could drop the row it reads.
                var id = reader.GetValue(0) as string ?? "?";
                database.HandedOut = id;
                return (id, OutboxRows.ReadRow(reader));
            }, cancellationToken);

            if (next.Item1 is not { } messageId)
            {
                return null;
            }

            var (row, mac) = next.Item2;
            if (row is null || !await seal.VerifyAsync(row, mac, cancellationToken))
            {
                var reason = mac is null
                    ? "the row carries no seal: it was not written by the egress policy"
                    : "its seal does not match the row: topic, payload, properties or consent were changed, or the row was not written by the egress policy";
                await SetStateAsync(messageId, OutboxState.Quarantined, "quarantined: " + reason, cancellationToken);
                logger.OutboxQuarantined(messageId, row is null ? "?" : ((MessageKind)row.Kind).ToString(), row?.Topic ?? "?", reason);
                continue;
            }

            var candidate = OutboxRows.ToMessage(row);
            var kind = (MessageKind)row.Kind;
            if (kind is MessageKind.ConsentState or MessageKind.DeletionRequest)
            {
                return candidate;
            }

            // A data or acknowledgement row without terms cannot be checked, so it cannot go.
            var terms = OutboxRows.ToTerms(row);
            var verdict = terms is null
                ? ConsentVerdict.Refuse("data message without consent terms")
                : await gate.CheckAsync(terms, now, cancellationToken);
            if (verdict.Allowed)
            {
                if (await HoldForConsentStateAsync(candidate, now, cancellationToken))
                {
                    continue;
                }

                return candidate;
            }

            await SetStateAsync(candidate.MessageId, OutboxState.Dropped, "dropped before sending: " + verdict.Reason, cancellationToken);
            logger.PendingDropped(1, terms?.ConsentId ?? "?", verdict.Reason);
        }

        return null;
    }

    /// <inheritdoc />
    public async Task WaitForDueAsync(CancellationToken cancellationToken)
    {
        // Nothing is due while egress is stopped, however old the pending rows are.
        await integrity.WaitOpenAsync(cancellationToken);

        // Take any pulse first, then look: a commit after the look pulses again and ends the wait.
        while (database.OutboxChanged.TryRead(out _))
        {
        }

        var now = time.GetUtcNow();
        var earliest = await database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT min(next_attempt_ms) FROM egress_outbox WHERE state = 0;";
            return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        }, cancellationToken);
        if (earliest <= now)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pulse = database.OutboxChanged.WaitToReadAsync(stop.Token).AsTask();
        var due = earliest is { } at ? Task.Delay(at - now, time, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
        var first = await Task.WhenAny(pulse, due);
        await stop.CancelAsync();
        await first;
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(string messageId, int reasonCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        if (reasonCode is < 0 or >= 0x80)
        {
            throw new ArgumentOutOfRangeException(nameof(reasonCode), reasonCode, "A reason code of 0x80 or above is not delivery.");
        }

        var now = time.GetUtcNow();
        return database.WriteAsync((connection, transaction) =>
        {
            var attempt = Execute(connection, transaction, """
                UPDATE egress_outbox SET attempts = attempts + 1, last_reason_code = $code, last_reason = NULL,
                    state = CASE state WHEN 0 THEN 1 ELSE state END,
                    finished_ms = CASE state WHEN 0 THEN $now ELSE finished_ms END
                WHERE msg_id = $id RETURNING attempts;
                """, messageId, now, reasonCode, null);
            ReleaseHandedOut(messageId);
            if (attempt is not null)
            {
                AppendLog(connection, transaction, messageId, attempt.Value, now, reasonCode, null, delivered: true);
                RecordDeliveredState(connection, transaction, messageId, now);
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(string messageId, int? reasonCode, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(reason);
        var now = time.GetUtcNow();
        var attempt = await database.WriteAsync((connection, transaction) =>
        {
            var attempts = Execute(connection, transaction, "SELECT attempts + 1 FROM egress_outbox WHERE msg_id = $id;", messageId, now, reasonCode, reason);
            ReleaseHandedOut(messageId);
            if (attempts is null)
            {
                return (int?)null;
            }

            // A refusal waits before the next try; a lost connection is retried as soon as it is back.
            var retryAt = reasonCode is null ? now : now + RetryDelays[Math.Min(attempts.Value, RetryDelays.Length) - 1];
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE egress_outbox SET attempts = attempts + 1, last_reason_code = $code, last_reason = $reason,
                    next_attempt_ms = CASE state WHEN 0 THEN $retry ELSE next_attempt_ms END
                WHERE msg_id = $id;
                """;
            command.Parameters.AddWithValue("$id", messageId);
            command.Parameters.AddWithValue("$code", (object?)reasonCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$retry", retryAt.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
            AppendLog(connection, transaction, messageId, attempts.Value, now, reasonCode, reason, delivered: false);
            return attempts;
        }, cancellationToken);
        if (attempt is { } number)
        {
            logger.DeliveryFailed(messageId, number, reasonCode, reason);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UplinkMessage>> ListPendingAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<UplinkMessage>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {OutboxRows.MessageColumns} FROM egress_outbox WHERE state = 0 ORDER BY seq;";
            using var reader = command.ExecuteReader();
            var messages = new List<UplinkMessage>();
            while (reader.Read())
            {
                messages.Add(OutboxRows.ReadMessage(reader));
            }

            return messages;
        }, cancellationToken);

    /// <summary>The newest <paramref name="limit"/> outbox messages (optionally of one state), newest first, for the panel.</summary>
    public Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxState? state, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT msg_id, kind, topic, consent_ref, created_ms, state, attempts, next_attempt_ms, last_reason_code, last_reason, finished_ms
                FROM egress_outbox WHERE $state IS NULL OR state = $state ORDER BY seq DESC LIMIT $limit;
                """;
            command.Parameters.AddWithValue("$state", state is null ? DBNull.Value : (int)state);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var entries = new List<OutboxEntry>();
            while (reader.Read())
            {
                entries.Add(new OutboxEntry(
                    reader.GetString(0),
                    (MessageKind)reader.GetInt32(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                    (OutboxState)reader.GetInt32(5),
                    reader.GetInt32(6),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10))));
            }

            return entries;
        }, cancellationToken);

    /// <summary>
    /// Deletes delivered outbox rows that finished before <paramref name="before"/>; returns how many. Only
    /// delivered rows go: pending ones are still to be sent, dropped ones say why something never left.
    /// The egress log keeps its own copy of every send, so what the household reads is unaffected.
    /// </summary>
    public Task<int> PruneDeliveredAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM egress_outbox WHERE state = 1 AND finished_ms IS NOT NULL AND finished_ms < $before;";
            command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>Adds <paramref name="message"/> in its own transaction and wakes the uplink.</summary>
    internal async Task EnqueueAsync(UplinkMessage message, MessageKind kind, ConsentTerms? terms, CancellationToken cancellationToken)
    {
        var mac = await seal.SealAsync(message, kind, terms, cancellationToken);
        await database.WriteAsync((connection, transaction) =>
        {
            OutboxRows.Insert(connection, transaction, message, kind, terms, mac);
            return true;
        }, cancellationToken);
        database.PulseOutbox();
    }

    /// <summary>
    /// True (and the row put aside until the state arrives) when the data set's consent state that lists the
    /// message's consent reference has not been delivered yet: the recipient (and the city's ingest, which checks
    /// each message against it) must hold the state before any data under a reference it lists.
    /// </summary>
    private async Task<bool> HoldForConsentStateAsync(UplinkMessage candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reference = candidate.UserProperties.FirstOrDefault(p => p.Key == Wire.UserProperties.ConsentReference).Value;
        var pseudonym = candidate.Topic[(candidate.Topic.LastIndexOf('/') + 1)..];
        var held = await database.WriteAsync((connection, transaction) =>
        {
            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT EXISTS(SELECT 1 FROM egress_dataset WHERE pseudonym = $p), (SELECT delivered_refs FROM egress_dataset WHERE pseudonym = $p);";
            read.Parameters.AddWithValue("$p", pseudonym);
            using (var reader = read.ExecuteReader())
            {
                reader.Read();

                // A row from before data sets were kept has no data set record; it carries its consent id, as then.
                if (reader.GetInt64(0) == 0)
                {
                    return false;
                }

                var delivered = reader.IsDBNull(1) ? "" : reader.GetString(1);
                if (reference is not null && delivered.Split(',').Contains(reference, StringComparer.Ordinal))
                {
                    return false;
                }
            }

            using var hold = connection.CreateCommand();
            hold.Transaction = transaction;
            hold.CommandText = "UPDATE egress_outbox SET held = 1, next_attempt_ms = $retry WHERE msg_id = $id AND state = 0;";
            hold.Parameters.AddWithValue("$id", candidate.MessageId);
            hold.Parameters.AddWithValue("$retry", (now + HoldRecheck).ToUnixTimeMilliseconds());
            hold.ExecuteNonQuery();
            return true;
        }, cancellationToken);
        if (held)
        {
            logger.WaitingForConsentState(candidate.MessageId, pseudonym);
        }

        return held;
    }

    // A consent state the broker took is what recipients now hold: record which references it lists (none once
    // cleared) and release the data that waited for it.
    private static void RecordDeliveredState(SqliteConnection connection, SqliteTransaction transaction, string messageId, DateTimeOffset now)
    {
        string topic;
        byte[] payload;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT topic, payload FROM egress_outbox WHERE msg_id = $id AND kind = $kind;";
            read.Parameters.AddWithValue("$id", messageId);
            read.Parameters.AddWithValue("$kind", (int)MessageKind.ConsentState);
            using var reader = read.ExecuteReader();
            if (!reader.Read())
            {
                return;
            }

            topic = reader.GetString(0);
            payload = (byte[])reader.GetValue(1);
        }

        var references = Wire.ConsentStatePayload.IsCleared(payload)
            ? ""
            : string.Join(',', Wire.ConsentStatePayload.Read(payload).Grants.Select(g => g.Consent));
        var pseudonym = topic[(topic.LastIndexOf('/') + 1)..];
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE egress_dataset SET delivered_refs = $refs WHERE pseudonym = $p;
            UPDATE egress_outbox SET held = 0, next_attempt_ms = $now WHERE state = 0 AND held = 1 AND topic LIKE '%/' || $p;
            """;
        update.Parameters.AddWithValue("$refs", references);
        update.Parameters.AddWithValue("$p", pseudonym);
        update.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        update.ExecuteNonQuery();
    }

    private void ReleaseHandedOut(string messageId)
    {
        if (database.HandedOut == messageId)
        {
            database.HandedOut = null;
        }
    }

    private Task<int> SetStateAsync(string messageId, OutboxState state, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE egress_outbox SET state = $state, last_reason = $reason, finished_ms = $now WHERE msg_id = $id AND state = 0;";
            command.Parameters.AddWithValue("$id", messageId);
            command.Parameters.AddWithValue("$state", (int)state);
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    private static int? Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string id, DateTimeOffset now, int? code, string? reason)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$code", (object?)code ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
        return command.ExecuteScalar() is long value ? (int)value : null;
    }

    private static void AppendLog(SqliteConnection connection, SqliteTransaction transaction, string id, int attempt, DateTimeOffset at, int? code, string? reason, bool delivered)
    {
        // The log copies the row as sent: the outbox row may later be pruned, the log stays. Each row
        // is chained to the one before (EgressLogChain), so a removed or edited row shows.
        string previousHash;
        using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = "SELECT hash FROM egress_log ORDER BY id DESC LIMIT 1;";
            previousHash = head.ExecuteScalar() as string ?? EgressLogChain.Genesis;
        }

        long rowId;
        string hash;
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO egress_log(msg_id, attempt, at_ms, kind, topic, payload, content_type, user_properties, retain,
                    consent_ref, consent_id, reason_code, reason, delivered, prev_hash)
                SELECT msg_id, $attempt, $at, kind, topic, payload, content_type, user_properties, retain,
                    consent_ref, consent_id, $code, $reason, $delivered, $prev
                FROM egress_outbox WHERE msg_id = $id
                RETURNING id, {EgressLogChain.Columns};
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$attempt", attempt);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$code", (object?)code ?? DBNull.Value);
            command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
            command.Parameters.AddWithValue("$delivered", delivered ? 1 : 0);
            command.Parameters.AddWithValue("$prev", previousHash);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return;
            }

            rowId = reader.GetInt64(0);
            hash = EgressLogChain.Compute(reader, 1, previousHash);
        }

        using var seal = connection.CreateCommand();
        seal.Transaction = transaction;
        seal.CommandText = "UPDATE egress_log SET hash = $hash WHERE id = $row;";
        seal.Parameters.AddWithValue("$hash", hash);
        seal.Parameters.AddWithValue("$row", rowId);
        seal.ExecuteNonQuery();
    }
}
