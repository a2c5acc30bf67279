namespace Aizu.Egress;

/// <summary>
/// The egress decisions: which window of which consent was released (or why not), and the gateway's
/// record of the consent state it published. Every decision is committed in the same transaction as
/// the outbox row it produced, so a crash leaves either both or neither; the outbox's <see cref="OutboxBudget"/> is
/// kept in that transaction too.
/// </summary>
public sealed class EgressJournal(EgressDatabase database, OutboxSeal seal, OutboxBudget budget)
{
    /// <summary>The description recorded once a data set's retained state was cleared at the end of its period.</summary>
    public const string ClearedState = "(cleared)";

    /// <summary>Start of the latest window decided for <paramref name="consentId"/>, or null.</summary>
    public Task<DateTimeOffset?> GetLastDecidedWindowStartAsync(string consentId, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT max(window_start_ms) FROM egress_release WHERE consent_id = $id;";
            command.Parameters.AddWithValue("$id", consentId);
            return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
        }, cancellationToken);

    /// <summary>
    /// Commits <paramref name="decision"/> and, when released, its message as a pending outbox row, in one
    /// transaction. False when the window was already decided (nothing written).
    /// </summary>
    public async Task<bool> CommitAsync(ReleaseDecision decision, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if ((decision.Outcome == ReleaseOutcome.Released) != (decision.Message is not null))
        {
            throw new ArgumentException("A released decision carries a message and only a released one does.", nameof(decision));
        }

        var mac = decision.Message is { } sealedMessage ? await seal.SealAsync(sealedMessage, MessageKind.Data, decision.Terms, cancellationToken) : null;
        (int Count, DateTimeOffset From, DateTimeOffset To)? dropped = null;
        var committed = await database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO egress_release(consent_id, window_start_ms, window_end_ms, consent_version, category, granularity,
                    purpose, recipient, decided_ms, outcome, detail, msg_id, pseudonym)
                VALUES ($id, $start, $end, $version, $category, $granularity, $purpose, $recipient, $decided, $outcome, $detail, $msg, $pseudonym)
                ON CONFLICT DO NOTHING;
                """;
            var terms = decision.Terms;
            command.Parameters.AddWithValue("$id", terms.ConsentId);
            command.Parameters.AddWithValue("$start", decision.Window.Start.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$end", decision.Window.End.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$version", terms.Version);
            command.Parameters.AddWithValue("$category", terms.Category);
            command.Parameters.AddWithValue("$granularity", terms.Granularity);
            command.Parameters.AddWithValue("$purpose", terms.Purpose);
            command.Parameters.AddWithValue("$recipient", terms.Recipient);
            command.Parameters.AddWithValue("$decided", decidedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$outcome", (int)decision.Outcome);
            command.Parameters.AddWithValue("$detail", decision.Detail);
            command.Parameters.AddWithValue("$msg", (object?)decision.Message?.MessageId ?? DBNull.Value);
            command.Parameters.AddWithValue("$pseudonym", (object?)decision.Pseudonym ?? DBNull.Value);
            if (command.ExecuteNonQuery() == 0)
            {
                return false;
            }

            if (decision.Message is { } message)
            {
                OutboxRows.Insert(connection, transaction, message, MessageKind.Data, terms, mac!);
                RegisterDataSet(connection, transaction, decision.DataSet);
                dropped = budget.Enforce(connection, transaction, decidedAt);
            }

            return true;
        }, cancellationToken);
        if (committed && decision.Message is not null)
        {
            budget.Report(dropped);
            database.PulseOutbox();
        }

        return committed;
    }

    /// <summary>
    /// Commits an alert acknowledgement released under <paramref name="decision"/>'s consent and its outbox
    /// row in one transaction. False when this alert was already acknowledged under that consent (nothing
    /// written): the city gets one answer per alert and consent, however often the button is pressed.
    /// </summary>
    public async Task<bool> CommitAcknowledgementAsync(AcknowledgementDecision decision, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Message is not { } message || decision.Pseudonym is not { } pseudonym)
        {
            throw new ArgumentException("Only a released acknowledgement with its message and pseudonym is committed.", nameof(decision));
        }

        var mac = await seal.SealAsync(message, MessageKind.AlertAcknowledgement, decision.Terms, cancellationToken);
        var committed = await database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO egress_ack(consent_id, alert_ref, consent_version, acknowledged_ms, decided_ms, msg_id, pseudonym)
                VALUES ($id, $alert, $version, $acknowledged, $decided, $msg, $pseudonym)
                ON CONFLICT DO NOTHING;
                """;
            command.Parameters.AddWithValue("$id", decision.Terms.ConsentId);
            command.Parameters.AddWithValue("$alert", decision.AlertReference);
            command.Parameters.AddWithValue("$version", decision.Terms.Version);
            command.Parameters.AddWithValue("$acknowledged", decision.AcknowledgedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$decided", decidedAt.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$msg", message.MessageId);
            command.Parameters.AddWithValue("$pseudonym", pseudonym);
            if (command.ExecuteNonQuery() == 0)
            {
                return false;
            }

            OutboxRows.Insert(connection, transaction, message, MessageKind.AlertAcknowledgement, decision.Terms, mac);
            RegisterDataSet(connection, transaction, decision.DataSet);
            return true;
        }, cancellationToken);
        if (committed)
        {
            database.PulseOutbox();
        }

        return committed;
    }

    /// <summary>The message id of the acknowledgement of <paramref name="alertReference"/> under <paramref name="consentId"/>, or null.</summary>
    public Task<string?> GetAcknowledgementAsync(string consentId, string alertReference, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT msg_id FROM egress_ack WHERE consent_id = $id AND alert_ref = $alert;";
            command.Parameters.AddWithValue("$id", consentId);
            command.Parameters.AddWithValue("$alert", alertReference);
            return command.ExecuteScalar() as string;
        }, cancellationToken);

    /// <summary>Drops unsent data messages of every consent not in <paramref name="activeConsentIds"/>; returns how many per consent.</summary>
    public Task<IReadOnlyDictionary<string, int>> DropPendingExceptAsync(IReadOnlyCollection<string> activeConsentIds, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyDictionary<string, int>>((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                UPDATE egress_outbox SET state = 2, last_reason = $reason, finished_ms = $at
                WHERE state = 0 AND kind IN (0, 3) AND (consent_id IS NULL OR consent_id NOT IN (SELECT value FROM json_each($active)))
                RETURNING coalesce(consent_id, '?');
                """;
            command.Parameters.AddWithValue("$reason", "dropped before sending: " + reason);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$active", System.Text.Json.JsonSerializer.Serialize(activeConsentIds.ToArray(), EgressJsonContext.Default.StringArray));
            using var reader = command.ExecuteReader();
            var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var id = reader.GetString(0);
                dropped[id] = dropped.GetValueOrDefault(id) + 1;
            }

            return dropped;
        }, cancellationToken);

    /// <summary>Every data set the gateway has published under, with its last queued state and its waiting rows.</summary>
    public Task<IReadOnlyList<KnownDataSet>> GetDataSetsAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<KnownDataSet>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT d.pseudonym, d.purpose, d.recipient, d.period, d.start_ms, d.end_ms, d.published,
                    (SELECT count(*) FROM egress_outbox o WHERE o.state = 0 AND o.kind IN (0, 3) AND o.purpose = d.purpose
                        AND o.topic LIKE 'aizu/v1/dt/' || d.purpose || '/%/' || d.pseudonym)
                FROM egress_dataset d ORDER BY d.start_ms, d.purpose, d.recipient;
                """;
            using var reader = command.ExecuteReader();
            var list = new List<KnownDataSet>();
            while (reader.Read())
            {
                var dataSet = new DataSet(
                    reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)), reader.GetString(0));
                list.Add(new KnownDataSet(dataSet, reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7)));
            }

            return list;
        }, cancellationToken);

    /// <summary>The data set of <paramref name="pseudonym"/>, or null when the gateway never recorded one (data from before data sets).</summary>
    public Task<DataSet?> FindDataSetAsync(string pseudonym, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT purpose, recipient, period, start_ms, end_ms FROM egress_dataset WHERE pseudonym = $p;";
            command.Parameters.AddWithValue("$p", pseudonym);
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new DataSet(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), pseudonym)
                : null;
        }, cancellationToken);

    /// <summary>True when a deletion request for <paramref name="consentReference"/> in the data set <paramref name="pseudonym"/> was already queued.</summary>
    public async Task<bool> HasDeletionRequestAsync(string consentReference, string pseudonym, CancellationToken cancellationToken) =>
        await GetStateAsync(DeletionKey(consentReference, pseudonym), cancellationToken) is not null;

    /// <summary>
    /// True when any message under <paramref name="consentId"/> (only its <paramref name="version"/> when
    /// given) may have left (a send completed or was interrupted after a PUBLISH).
    /// </summary>
    public Task<bool> HasAnythingLeftUnderAsync(string consentId, int? version, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT EXISTS(SELECT 1 FROM egress_log WHERE consent_id = $id AND kind IN (0, 3) AND ($ref IS NULL OR consent_ref = $ref))
                    OR EXISTS(SELECT 1 FROM egress_outbox WHERE consent_id = $id AND kind IN (0, 3) AND attempts > 0 AND ($version IS NULL OR consent_version = $version));
                """;
            command.Parameters.AddWithValue("$id", consentId);
            command.Parameters.AddWithValue("$version", (object?)version ?? DBNull.Value);
            command.Parameters.AddWithValue("$ref", version is { } v ? $"{consentId}@{v}" : DBNull.Value);
            return (long)command.ExecuteScalar()! != 0;
        }, cancellationToken);

    /// <summary>
    /// The pseudonyms and versions under which windows were released or alert acknowledgements queued for
    /// <paramref name="consentId"/> (only <paramref name="version"/> when given), ordered by pseudonym.
    /// </summary>
    public Task<IReadOnlyList<(string Pseudonym, int Version)>> GetReleasedUnderAsync(string consentId, int? version, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<(string Pseudonym, int Version)>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT pseudonym, consent_version FROM egress_release WHERE consent_id = $id AND outcome = 0 AND pseudonym IS NOT NULL AND ($version IS NULL OR consent_version = $version)
                UNION SELECT pseudonym, consent_version FROM egress_ack WHERE consent_id = $id AND ($version IS NULL OR consent_version = $version)
                ORDER BY 1, 2;
                """;
            command.Parameters.AddWithValue("$id", consentId);
            command.Parameters.AddWithValue("$version", (object?)version ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            var list = new List<(string, int)>();
            while (reader.Read())
            {
                list.Add((reader.GetString(0), reader.GetInt32(1)));
            }

            return list;
        }, cancellationToken);

    /// <summary>
    /// Queues the data sets' new consent states (or clearings) and the deletion requests, and records them, in
    /// one transaction, so each is queued exactly once. The deletion requests are queued first: a data set's
    /// bookkeeping is done before its state is cleared.
    /// </summary>
    public async Task CommitConsentMessagesAsync(
        IReadOnlyList<(DataSet DataSet, string Description, UplinkMessage State)> states,
        IReadOnlyList<(string ConsentReference, string Pseudonym, UplinkMessage Request)> deletions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(deletions);
        var stateMacs = new List<byte[]>(states.Count);
        foreach (var (_, _, state) in states)
        {
            stateMacs.Add(await seal.SealAsync(state, MessageKind.ConsentState, null, cancellationToken));
        }

        var deletionMacs = new List<byte[]>(deletions.Count);
        foreach (var (_, _, request) in deletions)
        {
            deletionMacs.Add(await seal.SealAsync(request, MessageKind.DeletionRequest, null, cancellationToken));
        }

        await database.WriteAsync((connection, transaction) =>
        {
            foreach (var ((reference, pseudonym, request), mac) in deletions.Zip(deletionMacs))
            {
                OutboxRows.Insert(connection, transaction, request, MessageKind.DeletionRequest, null, mac);
                SetState(connection, transaction, DeletionKey(reference, pseudonym), request.MessageId);
            }

            foreach (var ((dataSet, description, state), mac) in states.Zip(stateMacs))
            {
                OutboxRows.Insert(connection, transaction, state, MessageKind.ConsentState, null, mac);
                RegisterDataSet(connection, transaction, dataSet);
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE egress_dataset SET published = $description WHERE pseudonym = $p;";
                command.Parameters.AddWithValue("$description", description);
                command.Parameters.AddWithValue("$p", dataSet.Pseudonym);
                command.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
        database.PulseOutbox();
    }

    private static void RegisterDataSet(SqliteConnection connection, SqliteTransaction transaction, DataSet? dataSet)
    {
        if (dataSet is null)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO egress_dataset(pseudonym, purpose, recipient, period, start_ms, end_ms)
            VALUES ($p, $purpose, $recipient, $period, $start, $end) ON CONFLICT DO NOTHING;
            """;
        command.Parameters.AddWithValue("$p", dataSet.Pseudonym);
        command.Parameters.AddWithValue("$purpose", dataSet.Purpose);
        command.Parameters.AddWithValue("$recipient", dataSet.Recipient);
        command.Parameters.AddWithValue("$period", dataSet.Period);
        command.Parameters.AddWithValue("$start", dataSet.Start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$end", dataSet.End.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    private static string DeletionKey(string consentReference, string pseudonym) => $"deletion:{consentReference}:{pseudonym}";

    private Task<string?> GetStateAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT value FROM egress_state WHERE key = $key;";
            command.Parameters.AddWithValue("$key", key);
            return command.ExecuteScalar() as string;
        }, cancellationToken);

    private static void SetState(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO egress_state(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }
}
