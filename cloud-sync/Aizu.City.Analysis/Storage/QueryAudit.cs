namespace Aizu.City.Analysis;

/// <summary>
/// The append-only log of who asked what and what was given (<c>query_audit</c>, a trigger refuses UPDATE, DELETE
/// and TRUNCATE), which is also what each cell key was last given as to an analyst, that the rules of the next query
/// start from: the released tables' entries (<see cref="AuditCells"/>) read back in order, on top of a fold of the
/// older ones (<c>analyst_release</c>, one row of arrays written every few tables) so the reading stays short: a
/// released table is written once per request. Its audit entry names the consent references its cells rest on by the
/// digest of a consent snapshot (<c>consent_snapshot</c>, each distinct set of references stored once), so the entry
/// does not grow with the households; the analyst receives their number and a digest (<see cref="Provenance"/>) that
/// the audit entry resolves.
/// </summary>
public sealed class QueryAudit(AnalysisDatabase database, TimeProvider time)
{
    // Past this many released entries since an analyst's last fold, the next one folds everything held into one row.
    private const int FoldAfter = 16;

    // The released tables of an analyst and purpose that the last fold does not hold (published, noisy tables carry
    // their ε and are not held: their cells are no release of exact numbers).
    private const string SinceFold =
        """
        FROM query_audit q WHERE q.analyst_id = $1 AND q.purpose = $2 AND q.outcome = 'released' AND q.epsilon IS NULL
        AND q.seq > coalesce((SELECT max(r.audit_seq) FROM analyst_release r WHERE r.analyst_id = $1 AND r.purpose = $2), 0)
        """;

    // Digests this host has seen committed: snapshots are never changed or removed, so these need not be sent again.
    private readonly ConcurrentDictionary<string, bool> stored = new(StringComparer.Ordinal);

    /// <summary>What <paramref name="analystId"/> holds of <paramref name="purpose"/>, by cell key.</summary>
    public async Task<Dictionary<CellKey, EarlierRelease>> EarlierAsync(long analystId, string purpose, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("SELECT areas, cell_area, from_days, to_days, hours, released, energy_wh, households FROM analyst_release WHERE analyst_id = $1 AND purpose = $2 ORDER BY audit_seq")
                {
                    Parameters = { new() { Value = analystId }, new() { Value = purpose } },
                },
                new($"SELECT convert_to(q.released::text, 'UTF8') {SinceFold} ORDER BY q.seq")
                {
                    Parameters = { new() { Value = analystId }, new() { Value = purpose } },
                },
            },
        };
        var earlier = new Dictionary<CellKey, EarlierRelease>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
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

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            AuditCells.Read(reader.GetFieldValue<byte[]>(0), (key, value) => Hold(earlier, key, value));
        }

        return earlier;
    }

    /// <summary>The digest a consent snapshot is stored under: SHA-256 over the sorted references, one a line.</summary>
    public static string SnapshotDigest(IEnumerable<string> consents) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', consents))));

    /// <summary>The digest a released cell carries: SHA-256 over the audit entry, the cell and its consent snapshot's digest.</summary>
    public static string Provenance(long auditSeq, CellKey key, string snapshot) => ProvenanceDigest.Of(auditSeq, key, snapshot);

    /// <summary>Records a released table on top of what the analyst held (<paramref name="earlier"/>, which this
    /// updates when it writes the fold); returns the audit entry's number and each released cell's consent snapshot
    /// digest (by list).</summary>
    /// <param name="analystId">The analyst.</param>
    /// <param name="purpose">The purpose asked for.</param>
    /// <param name="request">The request as the audit names it.</param>
    /// <param name="table">The released table.</param>
    /// <param name="earlier">What the analyst held before this table.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="whileStoring">Work that needs the entry's number and the snapshot digests, started once they are
    /// known and awaited after the entry is committed, so that it runs while the database writes (the response's
    /// digests): nothing of it may reach the analyst before this returns.</param>
    public async Task<(long Seq, IReadOnlyDictionary<IReadOnlyList<string>, string> Snapshots)> ReleasedAsync(
        long analystId, string purpose, string request, StatisticsTable table, Dictionary<CellKey, EarlierRelease> earlier, CancellationToken cancellationToken,
        Func<long, IReadOnlyDictionary<IReadOnlyList<string>, string>, Task>? whileStoring = null)
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
        var consentSet = snapshots.ToDictionary(s => s.Key, s => digestIndex[s.Value], (IEqualityComparer<IReadOnlyList<string>>)ReferenceEqualityComparer.Instance);
        var released = AuditCells.Write(table, digests, consentSet);

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The entry's number and how many entries the analyst's fold does not hold in one round trip, then every write
        // in one batch: under load each round trip waits for the server's turn on the CPU.
        long seq, unfolded;
        await using (var next = new NpgsqlCommand(
            $"SELECT nextval(pg_get_serial_sequence('query_audit', 'seq')), (SELECT count(*) {SinceFold})", connection, transaction))
        {
            next.Parameters.Add(new() { Value = analystId });
            next.Parameters.Add(new() { Value = purpose });
            await using var reader = await next.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (seq, unfolded) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var alongside = whileStoring?.Invoke(seq, snapshots) ?? Task.CompletedTask;
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

        // What the analyst holds is this entry on top of the earlier ones; every FoldAfter entries, all of it as one row.
        if (unfolded + 1 >= FoldAfter)
        {
            foreach (var cell in table.Cells)
            {
                Hold(earlier, cell.Key, cell.Status == CellStatus.Released ? new EarlierRelease(CellStatus.Released, cell.EnergyWh, cell.Households) : new EarlierRelease(CellStatus.Suppressed, null, null));
            }

            var clear = new NpgsqlBatchCommand("DELETE FROM analyst_release WHERE analyst_id = $1 AND purpose = $2");
            clear.Parameters.Add(new() { Value = analystId });
            clear.Parameters.Add(new() { Value = purpose });
            batch.BatchCommands.Add(clear);
            batch.BatchCommands.Add(FoldRow(analystId, purpose, seq, [.. earlier.Select(e => (e.Key, e.Value))]));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await alongside;
        }

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

    private static NpgsqlBatchCommand FoldRow(long analystId, string purpose, long seq, List<(CellKey Key, EarlierRelease Value)> cells)
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
        await using var batch = new NpgsqlBatch(connection, transaction) { BatchCommands = { Entry(seq, analystId, purpose, request, outcome, reason, epsilon, Encoding.UTF8.GetBytes(released)) } };
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

    private NpgsqlBatchCommand Entry(long seq, long analystId, string purpose, string request, string outcome, string? reason, decimal? epsilon, ReadOnlyMemory<byte> released)
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
