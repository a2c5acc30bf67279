namespace Aizu.Consent;

/// <summary>
/// The append-only, hash-chained record of every consent event, in the gateway's SQLite file. Each
/// event stores the full grant JSON, the previous event's hash and its own (SHA-256 over a canonical
/// form, see <see cref="LedgerHash"/>), so <see cref="VerifyAsync"/> finds any changed, removed or
/// inserted event and names the first broken link. Only <see cref="ConsentService"/> appends.
/// </summary>
/// <remarks>
/// Appends run in an IMMEDIATE transaction that reads the current state, lets the caller decide, and
/// writes the events (and receipts) together: the gateway and an <c>aizu consent</c> command in
/// another process are serialised by SQLite and never fork the chain.
/// </remarks>
public sealed class ConsentLedger
{
    private const string EventColumns = "seq, time, type, consent_id, version, grant_json, actor, prev_hash, hash";
    private static readonly string[] ColumnNames = ["seq", "time", "type", "consent_id", "version", "grant_json", "actor", "prev_hash", "hash"];
    private readonly ConsentDatabase database;
    private readonly ILogger<ConsentLedger> logger;

    /// <summary>Uses <see cref="ConsentOptions.DatabasePath"/>; the file and tables are created on first use.</summary>
    public ConsentLedger(IOptions<ConsentOptions> options, ILogger<ConsentLedger> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        database = new ConsentDatabase(options.Value.DatabasePath, logger);
        this.logger = logger;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => database.Path;

    /// <summary>
    /// Checks the whole chain: sequence numbers without gaps from 1, each <c>prev_hash</c> equal to the
    /// previous event's hash, each hash equal to the hash of the event's stored columns, column storage
    /// types, and that each grant JSON agrees with its columns. Stops at the first broken link.
    /// </summary>
    public async Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var verification = await VerifyFromAsync(0, LedgerHash.Genesis, cancellationToken);
        if (verification.BrokenSeq is { } seq)
        {
            logger.LedgerBroken(database.Path, seq, verification.Problem!);
        }

        return verification;
    }

    /// <summary>
    /// Checks the chain after event <paramref name="afterSeq"/>, whose hash is <paramref name="afterHash"/>
    /// (0 and the genesis value for the whole ledger), like <see cref="VerifyAsync"/> but without logging:
    /// the integrity check runs it at every egress pass and reports a problem once.
    /// </summary>
    internal async Task<LedgerVerification> VerifyFromAsync(long afterSeq, string afterHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {EventColumns},
                   typeof(seq), typeof(time), typeof(type), typeof(consent_id), typeof(version),
                   typeof(grant_json), typeof(actor), typeof(prev_hash), typeof(hash)
            FROM consent_event WHERE seq > $after ORDER BY seq;
            """;
        command.Parameters.AddWithValue("$after", afterSeq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expected = afterSeq + 1;
        var previousHash = afterHash;
        while (await reader.ReadAsync(cancellationToken))
        {
            var problem = CheckRow(reader, expected, previousHash, out var hash);
            if (problem is not null)
            {
                return new LedgerVerification(false, expected - 1, expected, problem, previousHash);
            }

            previousHash = hash;
            expected++;
        }

        return new LedgerVerification(true, expected - 1, null, null, previousHash);
    }

    /// <summary>
    /// SHA-256 (hex) over every stored column of events 1 … <paramref name="upToSeq"/> exactly as stored
    /// (SQLite <c>quote()</c>, so a changed storage type counts) and the number of rows: what a
    /// re-confirmation freezes, so any later edit of those rows shows again.
    /// </summary>
    internal async Task<string> DigestAsync(long upToSeq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT quote(seq) || ',' || quote(time) || ',' || quote(type) || ',' || quote(consent_id) || ',' || quote(version) || ','
                || quote(grant_json) || ',' || quote(actor) || ',' || quote(prev_hash) || ',' || quote(hash)
            FROM consent_event WHERE seq <= $upTo ORDER BY seq, rowid;
            """;
        command.Parameters.AddWithValue("$upTo", upToSeq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        while (await reader.ReadAsync(cancellationToken))
        {
            digest.AppendData(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0) + "\n"));
        }

        return Convert.ToHexStringLower(digest.GetHashAndReset());
    }

    /// <summary>The stored hash column of event <paramref name="seq"/>, or null.</summary>
    internal async Task<string?> ReadStoredHashAsync(long seq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM consent_event WHERE seq = $seq;";
        command.Parameters.AddWithValue("$seq", seq);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The newest re-confirmation (its JWS as stored), or null when the household never had to re-confirm.</summary>
    internal async Task<string?> ReadLatestReconfirmationAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT jws FROM consent_reconfirmation ORDER BY id DESC LIMIT 1;";
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Stores a signed re-confirmation.</summary>
    internal async Task StoreReconfirmationAsync(DateTimeOffset at, long headSeq, string jws, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO consent_reconfirmation(at, head_seq, jws) VALUES ($at, $head, $jws);";
        command.Parameters.AddWithValue("$at", LedgerText.FormatTime(at));
        command.Parameters.AddWithValue("$head", headSeq);
        command.Parameters.AddWithValue("$jws", jws);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Events after <paramref name="afterSeq"/>, in order.</summary>
    public async Task<IReadOnlyList<LedgerEvent>> ReadEventsAsync(long afterSeq, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EventColumns} FROM consent_event WHERE seq > $after ORDER BY seq;";
        command.Parameters.AddWithValue("$after", afterSeq);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<LedgerEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    /// <summary>The highest sequence number (0 for an empty ledger).</summary>
    public async Task<long> GetHeadSeqAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM consent_event;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The receipts of <paramref name="consentId"/> (all receipts when null), oldest first.</summary>
    public async Task<IReadOnlyList<StoredReceipt>> ReadReceiptsAsync(string? consentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = consentId is null
            ? "SELECT receipt_id, seq, consent_id, version, jws FROM consent_receipt ORDER BY seq;"
            : "SELECT receipt_id, seq, consent_id, version, jws FROM consent_receipt WHERE consent_id = $id ORDER BY seq;";
        if (consentId is not null)
        {
            command.Parameters.AddWithValue("$id", consentId);
        }

        return await ReadReceiptsAsync(command, cancellationToken);
    }

    /// <summary>The receipt with <paramref name="receiptId"/>, or null.</summary>
    public async Task<StoredReceipt?> FindReceiptAsync(string receiptId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT receipt_id, seq, consent_id, version, jws FROM consent_receipt WHERE receipt_id = $id;";
        command.Parameters.AddWithValue("$id", receiptId);
        var found = await ReadReceiptsAsync(command, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Every consent's latest state.</summary>
    internal async Task<LedgerSnapshot> ReadSnapshotAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return ReadSnapshot(connection, transaction: null);
    }

    /// <summary>One version's latest state, or null.</summary>
    internal async Task<ConsentState?> ReadVersionAsync(string consentId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, time, grant_json FROM consent_event WHERE consent_id = $id AND version = $version ORDER BY seq DESC LIMIT 1;";
        command.Parameters.AddWithValue("$id", consentId);
        command.Parameters.AddWithValue("$version", version);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadState(reader) : null;
    }

    /// <summary>
    /// In one IMMEDIATE transaction: reads every consent's state, asks <paramref name="plan"/> what to
    /// record (it may throw <see cref="ConsentException"/> to record nothing), chains and writes the
    /// events at <paramref name="at"/>, and stores the receipt <paramref name="issueReceipt"/> signs
    /// for each event that wants one. Returns the events written, in order.
    /// </summary>
    internal async Task<IReadOnlyList<LedgerEvent>> AppendAsync(
        DateTimeOffset at,
        Func<LedgerSnapshot, IReadOnlyList<PendingEvent>> plan,
        Func<LedgerEvent, CancellationToken, ValueTask<StoredReceipt>>? issueReceipt,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction(deferred: false);
        var pending = plan(ReadSnapshot(connection, transaction));
        if (pending.Count == 0)
        {
            return [];
        }

        var (seq, previousHash) = ReadHead(connection, transaction);
        var time = LedgerText.FormatTime(at);
        var written = new List<LedgerEvent>(pending.Count);
        foreach (var item in pending)
        {
            seq++;
            var grantJson = JsonSerializer.Serialize(item.Grant, ConsentJson.Default.ConsentGrant);
            var type = LedgerText.TypeName(item.Grant.Status);
            var actor = LedgerText.ActorName(item.Actor);
            var hash = LedgerHash.Compute(seq, time, type, item.Grant.ConsentId, item.Grant.Version, grantJson, actor, previousHash);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO consent_event({EventColumns}) VALUES ($seq, $time, $type, $id, $version, $grant, $actor, $prev, $hash);";
                insert.Parameters.AddWithValue("$seq", seq);
                insert.Parameters.AddWithValue("$time", time);
                insert.Parameters.AddWithValue("$type", type);
                insert.Parameters.AddWithValue("$id", item.Grant.ConsentId);
                insert.Parameters.AddWithValue("$version", item.Grant.Version);
                insert.Parameters.AddWithValue("$grant", grantJson);
                insert.Parameters.AddWithValue("$actor", actor);
                insert.Parameters.AddWithValue("$prev", previousHash);
                insert.Parameters.AddWithValue("$hash", hash);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            var recorded = new LedgerEvent(seq, LedgerText.TryParseTime(time, out var stamped) ? stamped : at, item.Grant.Status,
                item.Grant.ConsentId, item.Grant.Version, item.Grant, item.Actor, previousHash, hash);
            if (item.WithReceipt && issueReceipt is not null)
            {
                var receipt = await issueReceipt(recorded, cancellationToken);
                await using var store = connection.CreateCommand();
                store.Transaction = transaction;
                store.CommandText = "INSERT INTO consent_receipt(receipt_id, seq, consent_id, version, jws) VALUES ($id, $seq, $consent, $version, $jws);";
                store.Parameters.AddWithValue("$id", receipt.ReceiptId);
                store.Parameters.AddWithValue("$seq", receipt.Seq);
                store.Parameters.AddWithValue("$consent", receipt.ConsentId);
                store.Parameters.AddWithValue("$version", receipt.Version);
                store.Parameters.AddWithValue("$jws", receipt.Jws);
                await store.ExecuteNonQueryAsync(cancellationToken);
            }

            written.Add(recorded);
            previousHash = hash;
        }

        transaction.Commit();
        return written;
    }

    private static LedgerSnapshot ReadSnapshot(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT seq, time, grant_json FROM consent_event
            WHERE seq IN (SELECT max(seq) FROM consent_event GROUP BY consent_id)
            ORDER BY seq;
            """;
        using var reader = command.ExecuteReader();
        var states = new List<ConsentState>();
        while (reader.Read())
        {
            states.Add(ReadState(reader));
        }

        return new LedgerSnapshot(states);
    }

    private static (long Seq, string Hash) ReadHead(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq, hash FROM consent_event ORDER BY seq DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, LedgerHash.Genesis);
    }

    private static ConsentState ReadState(SqliteDataReader reader)
    {
        var seq = reader.GetInt64(0);
        return new ConsentState(ParseGrant(reader.GetString(2), seq), seq, ParseTime(reader.GetString(1), seq));
    }

    private static LedgerEvent ReadEvent(SqliteDataReader reader)
    {
        var seq = reader.GetInt64(0);
        var type = LedgerText.TryParseType(reader.GetString(2), out var parsedType)
            ? parsedType
            : throw Damaged(seq, $"unknown event type '{reader.GetString(2)}'");
        var actor = LedgerText.TryParseActor(reader.GetString(6), out var parsedActor)
            ? parsedActor
            : throw Damaged(seq, $"unknown actor '{reader.GetString(6)}'");
        return new LedgerEvent(seq, ParseTime(reader.GetString(1), seq), type, reader.GetString(3), reader.GetInt32(4),
            ParseGrant(reader.GetString(5), seq), actor, reader.GetString(7), reader.GetString(8));
    }

    private static ConsentGrant ParseGrant(string json, long seq)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ConsentJson.Default.ConsentGrant) ?? throw Damaged(seq, "the grant is empty");
        }
        catch (JsonException exception)
        {
            throw Damaged(seq, $"the grant JSON cannot be read ({exception.Message})");
        }
    }

    private static DateTimeOffset ParseTime(string text, long seq) =>
        LedgerText.TryParseTime(text, out var at) ? at : throw Damaged(seq, $"the time '{text}' is not a UTC timestamp");

    private static InvalidOperationException Damaged(long seq, string what) =>
        new($"Consent ledger event {seq} is damaged: {what}. Run 'aizu consent verify'.");

    /// <summary>Checks one row read by <see cref="VerifyAsync"/>; null when intact.</summary>
    private static string? CheckRow(SqliteDataReader reader, long expected, string previousHash, out string hash)
    {
        hash = "";
        var seq = reader.GetInt64(0);
        if (seq != expected)
        {
            return seq > expected
                ? $"event {expected} is missing: the next stored event is numbered {seq} (an event was removed or renumbered)."
                : $"an event numbered {seq} was found where event {expected} belongs (an event was inserted or renumbered).";
        }

        for (var column = 0; column < ColumnNames.Length; column++)
        {
            var storage = reader.GetString(ColumnNames.Length + column);
            var wanted = column is 0 or 4 ? "integer" : "text";
            if (!string.Equals(storage, wanted, StringComparison.Ordinal))
            {
                return $"column {ColumnNames[column]} holds a {storage} value where {wanted} belongs (the row was edited).";
            }
        }

        var time = reader.GetString(1);
        var type = reader.GetString(2);
        var consentId = reader.GetString(3);
        var version = reader.GetInt64(4);
        var grantJson = reader.GetString(5);
        var actor = reader.GetString(6);
        var prevHash = reader.GetString(7);
        var stored = reader.GetString(8);

        if (!string.Equals(prevHash, previousHash, StringComparison.Ordinal))
        {
            return expected == 1
                ? "prev_hash of the first event is not the genesis value (64 zeros)."
                : $"prev_hash does not match the hash of event {expected - 1} (that event or this link was altered).";
        }

        var computed = LedgerHash.Compute(seq, time, type, consentId, version, grantJson, actor, prevHash);
        if (!string.Equals(computed, stored, StringComparison.Ordinal))
        {
            return "the stored hash does not match the event's content (a column of this event was changed).";
        }

        // The hash holds, so these can only fail if someone recomputed it: report what they wrote.
        if (!LedgerText.TryParseType(type, out var status))
        {
            return $"unknown event type '{type}'.";
        }

        if (!LedgerText.TryParseActor(actor, out _))
        {
            return $"unknown actor '{actor}'.";
        }

        if (!LedgerText.TryParseTime(time, out _))
        {
            return $"the time '{time}' is not a UTC timestamp.";
        }

        ConsentGrant? grant;
        try
        {
            grant = JsonSerializer.Deserialize(grantJson, ConsentJson.Default.ConsentGrant);
        }
        catch (JsonException exception)
        {
            return $"the grant JSON cannot be read: {exception.Message}";
        }

        if (grant is null || !string.Equals(grant.ConsentId, consentId, StringComparison.Ordinal) || grant.Version != version || grant.Status != status)
        {
            return "the grant JSON does not agree with the event's consent id, version or type.";
        }

        hash = stored;
        return null;
    }

    private static async Task<IReadOnlyList<StoredReceipt>> ReadReceiptsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var receipts = new List<StoredReceipt>();
        while (await reader.ReadAsync(cancellationToken))
        {
            receipts.Add(new StoredReceipt(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4)));
        }

        return receipts;
    }
}
