namespace Aizu.Egress;

/// <summary>
/// What the household's "What left my home" screen reads: every completed send from the egress log
/// (sent, or refused by the broker) together with the outbox messages that have not left yet (pending)
/// or never will (dropped), newest first, filterable and paged, each with its payload exactly as sent.
/// The egress log is kept for good, so purpose and category come from the outbox row while it exists and
/// otherwise from the topic (<c>aizu/v1/dt/{purpose}/{category}/…</c>).
/// </summary>
public sealed class EgressHistory(EgressDatabase database)
{
    // Keys and small columns first (sorting without payloads), payloads joined for the page only.
    // src: 1 = egress_log (id), 0 = egress_outbox (seq). status: see EgressRecordStatus.
    private const string Entries = """
        WITH rows AS (
            SELECT l.at_ms AS at_ms, 1 AS src, l.id AS id, l.topic AS topic,
                   CASE WHEN l.delivered = 1 THEN 0 ELSE 1 END AS status, o.purpose AS purpose, o.category AS category
            FROM egress_log l LEFT JOIN egress_outbox o ON o.msg_id = l.msg_id
            UNION ALL
            SELECT CASE WHEN state IN (2, 3) THEN coalesce(finished_ms, created_ms) ELSE created_ms END, 0, seq, topic,
                   CASE WHEN state = 0 THEN 2 ELSE 3 END, purpose, category
            FROM egress_outbox WHERE state IN (0, 2, 3)
        ), split AS (
            SELECT *, CASE WHEN substr(topic, 1, 11) = 'aizu/v1/dt/' THEN substr(topic, 12) END AS rest FROM rows
        ), named AS (
            SELECT at_ms, src, id, status,
                   coalesce(purpose, CASE WHEN instr(rest, '/') > 1 THEN substr(rest, 1, instr(rest, '/') - 1) END) AS p,
                   coalesce(category, CASE WHEN instr(rest, '/') > 1 AND instr(substr(rest, instr(rest, '/') + 1), '/') > 1
                       THEN substr(substr(rest, instr(rest, '/') + 1), 1, instr(substr(rest, instr(rest, '/') + 1), '/') - 1) END) AS c
            FROM split
        )
        """;

    /// <summary>One page of entries matching <paramref name="query"/>, newest first.</summary>
    /// <exception cref="ArgumentException"><see cref="EgressHistoryQuery.Before"/> is not a key this class made.</exception>
    /// <exception cref="SqliteException">The file cannot be read.</exception>
    public Task<EgressHistoryPage> ReadAsync(EgressHistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, EgressHistoryQuery.MaxLimit);
        (long At, int Src, long Id)? before = query.Before is { Length: > 0 } key
            ? ParseKey(key) ?? throw new ArgumentException($"'{key}' is not a position in the egress history.", nameof(query))
            : null;
        return database.ReadAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Entries + """
                SELECT n.at_ms, n.src, n.id, n.status, n.p, n.c,
                       coalesce(l.msg_id, o.msg_id), coalesce(l.attempt, o.attempts), coalesce(l.kind, o.kind), coalesce(l.topic, o.topic),
                       coalesce(l.payload, o.payload), coalesce(l.content_type, o.content_type), coalesce(l.user_properties, o.user_properties),
                       coalesce(l.retain, o.retain), coalesce(l.consent_ref, o.consent_ref),
                       CASE WHEN n.src = 1 THEN l.reason_code ELSE o.last_reason_code END,
                       CASE WHEN n.src = 1 THEN l.reason ELSE o.last_reason END
                FROM (SELECT * FROM named
                      WHERE ($purpose IS NULL OR p = $purpose) AND ($category IS NULL OR c = $category)
                        AND ($status IS NULL OR status = $status)
                        AND ($since IS NULL OR at_ms >= $since) AND ($until IS NULL OR at_ms < $until)
                        AND ($bat IS NULL OR at_ms < $bat OR (at_ms = $bat AND (src < $bsrc OR (src = $bsrc AND id < $bid))))
                      ORDER BY at_ms DESC, src DESC, id DESC LIMIT $limit) n
                LEFT JOIN egress_log l ON n.src = 1 AND l.id = n.id
                LEFT JOIN egress_outbox o ON n.src = 0 AND o.seq = n.id
                ORDER BY n.at_ms DESC, n.src DESC, n.id DESC;
                """;
            command.Parameters.AddWithValue("$purpose", (object?)NullIfEmpty(query.Purpose) ?? DBNull.Value);
            command.Parameters.AddWithValue("$category", (object?)NullIfEmpty(query.Category) ?? DBNull.Value);
            command.Parameters.AddWithValue("$status", query.Status is { } status ? (int)status : DBNull.Value);
            command.Parameters.AddWithValue("$since", (object?)query.Since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$until", (object?)query.Until?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            command.Parameters.AddWithValue("$bat", before is { } b1 ? b1.At : DBNull.Value);
            command.Parameters.AddWithValue("$bsrc", before is { } b2 ? b2.Src : DBNull.Value);
            command.Parameters.AddWithValue("$bid", before is { } b3 ? b3.Id : DBNull.Value);
            command.Parameters.AddWithValue("$limit", limit + 1);
            using var reader = command.ExecuteReader();
            var records = new List<EgressRecord>();
            while (reader.Read())
            {
                records.Add(new EgressRecord(
                    Key(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                    (EgressRecordStatus)reader.GetInt32(3),
                    reader.GetString(6),
                    reader.GetInt32(7),
                    (MessageKind)reader.GetInt32(8),
                    reader.GetString(9),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    (byte[])reader.GetValue(10),
                    reader.GetString(11),
                    OutboxRows.ReadProperties(reader.GetString(12)),
                    reader.GetInt64(13) != 0,
                    reader.IsDBNull(14) ? null : reader.GetString(14),
                    reader.IsDBNull(15) ? null : reader.GetInt32(15),
                    reader.IsDBNull(16) ? null : reader.GetString(16)));
            }

            string? next = null;
            if (records.Count > limit)
            {
                records.RemoveAt(limit);
                next = records[^1].Key;
            }

            return new EgressHistoryPage(records, next);
        }, cancellationToken);
    }

    /// <summary>The purposes and categories that appear in the history, for the screen's filters.</summary>
    public Task<IReadOnlyList<(string Purpose, string? Category)>> ListPurposesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<(string, string?)>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = Entries + "SELECT DISTINCT p, c FROM named WHERE p IS NOT NULL ORDER BY p, c;";
            using var reader = command.ExecuteReader();
            var found = new List<(string, string?)>();
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
            }

            return found;
        }, cancellationToken);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Key(long at, int src, long id) => string.Create(CultureInfo.InvariantCulture, $"{at}.{src}.{id}");

    private static (long At, int Src, long Id)? ParseKey(string key)
    {
        var parts = key.Split('.');
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var src) && src is 0 or 1
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (at, src, id)
            : null;
    }
}
