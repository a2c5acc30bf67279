using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aizu.City.Statistics;
using Npgsql;
using NpgsqlTypes;

namespace Aizu.City.Analysis;

/// <summary>
/// The append-only log of who asked what and what was given (<c>query_audit</c>, a trigger refuses UPDATE, DELETE
/// and TRUNCATE), and per analyst what each cell key was last given as (<c>analyst_release</c>) that the rules of the
/// next query start from. A released table's audit entry names the consent references its cells rest on by the digest
/// of a consent snapshot (<c>consent_snapshot</c>, each distinct set of references stored once), so the entry does not
/// grow with the households; the analyst receives their number and a digest (<see cref="Provenance"/>) that the audit
/// entry resolves.
/// </summary>
public sealed class QueryAudit(AnalysisDatabase database, TimeProvider time)
{
    // An analyst's held cells are one row per table given; past this many rows they are folded into one.
    private const int FoldAfter = 16;

    // Digests this host has seen committed: snapshots are never changed or removed, so these need not be sent again.
    private readonly ConcurrentDictionary<string, bool> stored = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="analystId"/> holds of <paramref name="purpose"/>, by cell key.</summary>
    public async Task<Dictionary<CellKey, EarlierRelease>> EarlierAsync(long analystId, string purpose, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT areas, cell_area, from_days, to_days, hours, released, energy_wh, households FROM analyst_release
            WHERE analyst_id = $1 AND purpose = $2 ORDER BY audit_seq
            """, connection);
        command.Parameters.Add(new() { Value = analystId });
        command.Parameters.Add(new() { Value = purpose });
        var earlier = new Dictionary<CellKey, EarlierRelease>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var areas = reader.GetFieldValue<string[]>(0);
            var area = reader.GetFieldValue<int[]>(1);
            var from = reader.GetFieldValue<DateOnly[]>(2);
            var to = reader.GetFieldValue<DateOnly[]>(3);
            var hour = reader.GetFieldValue<int[]>(4);
            var released = reader.GetFieldValue<bool[]>(5);
            var energy = reader.GetFieldValue<decimal?[]>(6);
            var households = reader.GetFieldValue<int?[]>(7);
            for (var i = 0; i < area.Length; i++)
            {
                Hold(earlier, new CellKey(areas[area[i]], from[i], to[i], hour[i] < 0 ? null : hour[i]), released[i]
                    ? new EarlierRelease(CellStatus.Released, energy[i], households[i])
                    : new EarlierRelease(CellStatus.Suppressed, null, null));
            }
        }

        return earlier;
    }

    /// <summary>The digest a consent snapshot is stored under: SHA-256 over the sorted references, one a line.</summary>
    public static string SnapshotDigest(IEnumerable<string> consents) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', consents))));

    /// <summary>The digest a released cell carries: SHA-256 over the audit entry, the cell and its consent snapshot's digest.</summary>
    public static string Provenance(long auditSeq, CellKey key, string snapshot) => ProvenanceDigest.Of(auditSeq, key, snapshot);

    /// <summary>Records a released table on top of what the analyst held (<paramref name="earlier"/>, which this
    /// updates); returns the audit entry's number and each released cell's consent snapshot digest (by list).</summary>
    public async Task<(long Seq, IReadOnlyDictionary<IReadOnlyList<string>, string> Snapshots)> ReleasedAsync(
        long analystId, string purpose, string request, StatisticsTable table, Dictionary<CellKey, EarlierRelease> earlier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(earlier);

        // Each list of references once (most cells of an area share their area's list), by reference.
        var snapshots = new Dictionary<IReadOnlyList<string>, string>(ReferenceEqualityComparer.Instance);
        foreach (var cell in table.Cells.Where(c => c.Status == CellStatus.Released && !snapshots.ContainsKey(c.Consents)))
        {
            snapshots[cell.Consents] = SnapshotDigest(cell.Consents);
        }

        var digests = snapshots.Values.Distinct(StringComparer.Ordinal).ToList();
        var digestIndex = digests.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        var fresh = snapshots.Where(s => !stored.ContainsKey(s.Value)).DistinctBy(s => s.Value, StringComparer.Ordinal).ToList();
        var cells = Held(table.Cells.Select(c => (c.Key, c.Status == CellStatus.Released ? new EarlierRelease(CellStatus.Released, c.EnergyWh, c.Households) : new EarlierRelease(CellStatus.Suppressed, null, null))));
        var released = AuditJson(table, digests, digestIndex, snapshots);

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The entry's number and how many held rows the analyst has in one round trip, then every write in one batch:
        // under load each round trip waits for the server's turn on the CPU.
        long seq, rows;
        await using (var next = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('query_audit', 'seq')), (SELECT count(*) FROM analyst_release WHERE analyst_id = $1 AND purpose = $2)", connection, transaction))
        {
            next.Parameters.Add(new() { Value = analystId });
            next.Parameters.Add(new() { Value = purpose });
            await using var reader = await next.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (seq, rows) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        if (fresh.Count > 0)
        {
            var snapshot = new NpgsqlBatchCommand(
                """
                INSERT INTO consent_snapshot (digest, consent_refs)
                SELECT d.digest, array_agg(r.ref ORDER BY r.pos)
                FROM unnest($1::text[]) WITH ORDINALITY AS d(digest, owner)
                JOIN unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS r(ref, owner, pos) ON r.owner = d.owner
                GROUP BY d.digest
                ON CONFLICT (digest) DO NOTHING
                """);
            snapshot.Parameters.Add(new() { Value = fresh.Select(s => s.Value).ToArray() });
            snapshot.Parameters.Add(new() { Value = fresh.SelectMany(s => s.Key).ToArray() });
            snapshot.Parameters.Add(new() { Value = fresh.SelectMany((s, i) => Enumerable.Repeat(i + 1L, s.Key.Count)).ToArray() });
            batch.BatchCommands.Add(snapshot);
        }

        batch.BatchCommands.Add(Entry(seq, analystId, purpose, request, "released", null, null, released));

        // What the analyst holds: this table as one row; past FoldAfter rows, everything held as one.
        foreach (var (key, value) in cells)
        {
            Hold(earlier, key, value);
        }

        if (rows >= FoldAfter)
        {
            var clear = new NpgsqlBatchCommand("DELETE FROM analyst_release WHERE analyst_id = $1 AND purpose = $2");
            clear.Parameters.Add(new() { Value = analystId });
            clear.Parameters.Add(new() { Value = purpose });
            batch.BatchCommands.Add(clear);
            cells = [.. earlier.Select(e => (e.Key, e.Value))];
        }

        batch.BatchCommands.Add(HeldRow(analystId, purpose, seq, cells));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var (_, digest) in fresh)
        {
            stored[digest] = true;
        }

        return (seq, snapshots);
    }

    // The latest answer is what the analyst holds for a key: a released value stays known when later withheld.
    private static void Hold(Dictionary<CellKey, EarlierRelease> held, CellKey key, EarlierRelease value)
    {
        if (value.Status == CellStatus.Released || !held.ContainsKey(key))
        {
            held[key] = value;
        }
    }

    // A month column over the whole range is the total itself: one entry per key.
    private static List<(CellKey Key, EarlierRelease Value)> Held(IEnumerable<(CellKey Key, EarlierRelease Value)> cells)
    {
        var held = new Dictionary<CellKey, EarlierRelease>();
        foreach (var (key, value) in cells)
        {
            Hold(held, key, value);
        }

        return [.. held.Select(h => (h.Key, h.Value))];
    }

    private static NpgsqlBatchCommand HeldRow(long analystId, string purpose, long seq, List<(CellKey Key, EarlierRelease Value)> cells)
    {
        var areas = cells.Select(c => c.Key.Area).Distinct(StringComparer.Ordinal).ToList();
        var areaIndex = areas.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i, StringComparer.Ordinal);
        var insert = new NpgsqlBatchCommand(
            """
            INSERT INTO analyst_release (analyst_id, purpose, audit_seq, areas, cell_area, from_days, to_days, hours, released, energy_wh, households)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """);
        insert.Parameters.Add(new() { Value = analystId });
        insert.Parameters.Add(new() { Value = purpose });
        insert.Parameters.Add(new() { Value = seq });
        insert.Parameters.Add(new() { Value = areas.ToArray() });
        insert.Parameters.Add(new() { Value = cells.Select(c => areaIndex[c.Key.Area]).ToArray() });
        insert.Parameters.Add(new() { Value = cells.Select(c => c.Key.From).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        insert.Parameters.Add(new() { Value = cells.Select(c => c.Key.To).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        insert.Parameters.Add(new() { Value = cells.Select(c => c.Key.Hour ?? -1).ToArray() });
        insert.Parameters.Add(new() { Value = cells.Select(c => c.Value.Status == CellStatus.Released).ToArray() });
        insert.Parameters.Add(new() { Value = cells.Select(c => c.Value.EnergyWh).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
        insert.Parameters.Add(new() { Value = cells.Select(c => c.Value.Households).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        return insert;
    }

    // Column-wise, so an entry is a few bytes a cell: the areas and columns once, then per cell their indexes, the
    // rule ("" when released), the numbers and the consent snapshot (an index into consentSets).
    private static string AuditJson(StatisticsTable table, List<string> digests, Dictionary<string, int> digestIndex, Dictionary<IReadOnlyList<string>, string> snapshots)
    {
        var areas = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new Dictionary<(DateOnly, DateOnly, int?), int>();
        var (areaList, columnList) = (new List<string>(), new List<string>());
        var buffer = new ArrayBufferWriter<byte>(table.Cells.Count * 32);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("consentSets");
            digests.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("area");
            foreach (var cell in table.Cells)
            {
                if (!areas.TryGetValue(cell.Key.Area, out var a))
                {
                    a = areas[cell.Key.Area] = areaList.Count;
                    areaList.Add(cell.Key.Area.Length == 0 ? "(all)" : cell.Key.Area);
                }

                json.WriteNumberValue(a);
            }

            json.WriteEndArray();
            json.WriteStartArray("column");
            foreach (var cell in table.Cells)
            {
                if (!columns.TryGetValue((cell.Key.From, cell.Key.To, cell.Key.Hour), out var c))
                {
                    c = columns[(cell.Key.From, cell.Key.To, cell.Key.Hour)] = columnList.Count;
                    var key = cell.Key.ToString();
                    columnList.Add(key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..]);
                }

                json.WriteNumberValue(c);
            }

            json.WriteEndArray();
            json.WriteStartArray("rule");
            foreach (var c in table.Cells)
            {
                json.WriteStringValue(c.Status == CellStatus.Released ? "" : c.Rule.ToString());
            }

            json.WriteEndArray();
            json.WriteStartArray("energyWh");
            foreach (var c in table.Cells)
            {
                Nullable(json, c.EnergyWh);
            }

            json.WriteEndArray();
            json.WriteStartArray("households");
            foreach (var c in table.Cells)
            {
                Nullable(json, c.Households);
            }

            json.WriteEndArray();
            json.WriteStartArray("consentSet");
            foreach (var c in table.Cells)
            {
                Nullable(json, c.Status == CellStatus.Released ? digestIndex[snapshots[c.Consents]] : null);
            }

            json.WriteEndArray();
            json.WriteStartArray("areas");
            areaList.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("columns");
            columnList.ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Nullable(Utf8JsonWriter json, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }

    /// <summary>Records a published (noisy) table; returns the audit entry's number.</summary>
    public async Task<long> PublishedAsync(long analystId, string purpose, string request, NoisyTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var released = JsonSerializer.Serialize(table.Cells.Select(c => new { key = c.Key.ToString(), energyWh = c.EnergyWh, households = c.Households }));
        return await RecordAsync(analystId, purpose, request, "released", null, table.Epsilon, released, cancellationToken);
    }

    /// <summary>Records a refused query with its reason; returns the audit entry's number.</summary>
    public Task<long> RefusedAsync(long analystId, string purpose, string request, string reason, CancellationToken cancellationToken) =>
        RecordAsync(analystId, purpose, request, "refused", reason, null, "[]", cancellationToken);

    private async Task<long> RecordAsync(long analystId, string purpose, string request, string outcome, string? reason, decimal? epsilon, string released, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seq = await NextSeqAsync(connection, transaction, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Entry(seq, analystId, purpose, request, outcome, reason, epsilon, released) } };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return seq;
    }

    // The number is taken first so the digests inside the entry can name it (the entry is never updated).
    private static async Task<long> NextSeqAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('query_audit', 'seq'))", connection, transaction);
        return (long)(await next.ExecuteScalarAsync(cancellationToken))!;
    }

    private NpgsqlBatchCommand Entry(long seq, long analystId, string purpose, string request, string outcome, string? reason, decimal? epsilon, string released)
    {
        var insert = new NpgsqlBatchCommand(
            "INSERT INTO query_audit (seq, at, analyst_id, purpose, request, outcome, reason, epsilon, released) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        insert.Parameters.Add(new() { Value = seq });
        insert.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new() { Value = analystId });
        insert.Parameters.Add(new() { Value = purpose });
        insert.Parameters.Add(new() { Value = request });
        insert.Parameters.Add(new() { Value = outcome });
        insert.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = (object?)epsilon ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        insert.Parameters.Add(new() { Value = released, NpgsqlDbType = NpgsqlDbType.Json });
        return insert;
    }
}
