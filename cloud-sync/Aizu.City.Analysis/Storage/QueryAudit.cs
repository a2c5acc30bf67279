using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Aizu.City.Statistics;
using Npgsql;
using NpgsqlTypes;

namespace Aizu.City.Analysis;

/// <summary>
/// The append-only log of who asked what and what was given (<c>query_audit</c>, a trigger refuses UPDATE, DELETE
/// and TRUNCATE), and per analyst the latest answer per cell (<c>analyst_cell</c>) that the rules of the next query
/// start from. A released table's audit entry lists the consent references its cells rest on (each distinct list once,
/// the cells naming theirs); the analyst receives their number and a digest (<see cref="Provenance"/>) that the audit
/// entry resolves.
/// </summary>
public sealed class QueryAudit(AnalysisDatabase database, TimeProvider time)
{
    /// <summary>What <paramref name="analystId"/> holds of <paramref name="purpose"/>, by cell key.</summary>
    public async Task<Dictionary<CellKey, EarlierRelease>> EarlierAsync(long analystId, string purpose, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT area, from_day, to_day, hour, released, energy_wh, households FROM analyst_cell WHERE analyst_id = $1 AND purpose = $2", connection);
        command.Parameters.Add(new() { Value = analystId });
        command.Parameters.Add(new() { Value = purpose });
        var earlier = new Dictionary<CellKey, EarlierRelease>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var hour = reader.GetInt32(3);
            earlier[new CellKey(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), hour < 0 ? null : hour)] = reader.GetBoolean(4)
                ? new EarlierRelease(CellStatus.Released, reader.GetDecimal(5), reader.GetInt32(6))
                : new EarlierRelease(CellStatus.Suppressed, null, null);
        }

        return earlier;
    }

    /// <summary>The digest a released cell carries: SHA-256 over the audit entry, the cell and its consent references.</summary>
    public static string Provenance(long auditSeq, CellKey key, IEnumerable<string> consents) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{auditSeq}\n{key}\n{string.Join('\n', consents)}")))[..32];

    /// <summary>Records a released table; returns the audit entry's number.</summary>
    public async Task<long> ReleasedAsync(long analystId, string purpose, string request, StatisticsTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var seq = await NextSeqAsync(connection, transaction, cancellationToken);
        // Each list of consent references once per entry (most cells of an area share their area's list), the cells
        // naming theirs by index.
        var sets = new Dictionary<IReadOnlyList<string>, int>(ReferenceEqualityComparer.Instance);
        var cellsJson = table.Cells.Select(c => new
        {
            key = c.Key.ToString(),
            status = c.Status == CellStatus.Released ? "released" : "suppressed",
            rule = c.Rule.ToString(),
            energyWh = c.EnergyWh,
            households = c.Households,
            consentSet = c.Status == CellStatus.Released ? (int?)(sets.TryGetValue(c.Consents, out var index) ? index : sets[c.Consents] = sets.Count) : null,
        }).ToList();
        var released = JsonSerializer.Serialize(new { consentSets = sets.OrderBy(s => s.Value).Select(s => s.Key), cells = cellsJson });
        await InsertAsync(connection, transaction, seq, analystId, purpose, request, "released", null, null, released, cancellationToken);
        // A month column over the whole range is the total itself: one row per key.
        var held = table.Cells.GroupBy(c => c.Key).Select(g => g.First()).ToList();
        await using (var cells = new NpgsqlCommand(
            """
            INSERT INTO analyst_cell (analyst_id, purpose, area, from_day, to_day, hour, released, energy_wh, households, audit_seq)
            SELECT $1, $2, c.area, c.from_day, c.to_day, c.hour, c.released, c.energy_wh, c.households, $3
            FROM unnest($4::text[], $5::date[], $6::date[], $7::int[], $8::bool[], $9::numeric[], $10::int[]) AS c(area, from_day, to_day, hour, released, energy_wh, households)
            ON CONFLICT (analyst_id, purpose, area, from_day, to_day, hour) DO UPDATE
                SET released = excluded.released, energy_wh = excluded.energy_wh, households = excluded.households, audit_seq = excluded.audit_seq
                WHERE excluded.released
            """, connection, transaction))
        {
            cells.Parameters.Add(new() { Value = analystId });
            cells.Parameters.Add(new() { Value = purpose });
            cells.Parameters.Add(new() { Value = seq });
            cells.Parameters.Add(new() { Value = held.Select(c => c.Key.Area).ToArray() });
            cells.Parameters.Add(new() { Value = held.Select(c => c.Key.From).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            cells.Parameters.Add(new() { Value = held.Select(c => c.Key.To).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            cells.Parameters.Add(new() { Value = held.Select(c => c.Key.Hour ?? -1).ToArray() });
            cells.Parameters.Add(new() { Value = held.Select(c => c.Status == CellStatus.Released).ToArray() });
            cells.Parameters.Add(new() { Value = held.Select(c => c.EnergyWh).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Numeric });
            cells.Parameters.Add(new() { Value = held.Select(c => c.Households).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            await cells.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return seq;
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
        await InsertAsync(connection, transaction, seq, analystId, purpose, request, outcome, reason, epsilon, released, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return seq;
    }

    // The number is taken first so the digests inside the entry can name it (the entry is never updated).
    private static async Task<long> NextSeqAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('query_audit', 'seq'))", connection, transaction);
        return (long)(await next.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long seq, long analystId, string purpose, string request, string outcome, string? reason, decimal? epsilon, string released, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO query_audit (seq, at, analyst_id, purpose, request, outcome, reason, epsilon, released) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", connection, transaction);
        insert.Parameters.Add(new() { Value = seq });
        insert.Parameters.Add(new() { Value = time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new() { Value = analystId });
        insert.Parameters.Add(new() { Value = purpose });
        insert.Parameters.Add(new() { Value = request });
        insert.Parameters.Add(new() { Value = outcome });
        insert.Parameters.Add(new() { Value = (object?)reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = (object?)epsilon ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
        insert.Parameters.Add(new() { Value = released, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
