namespace Aizu.City.Analysis;

/// <summary>
/// Lets PostgreSQL sum a table per household, district and column — day and month tables from the summaries the
/// triggers of migration 0005 keep, hour-of-day profiles from the windows — and send per district and column only the household count, the energy, the largest household's energy and the consent
/// references (a period cell's list only when it differs from its district's whole-range list).
/// </summary>
public sealed class DistrictCellReader(AnalysisDatabase database, IOptions<AnalysisOptions> options)
{
    // $6 period (0 day, 1 month, 2 hour of day), $7 offset, $8 first local day. A period cell sends its own consent
    // references only when they can differ from its district's whole-range list: when it has fewer households than
    // the whole range, or when some household gave more than one reference. The last column says whether a household
    // lies in two districts (then the summaries are not used).
    private const string Sql =
        """
        WITH w AS MATERIALIZED (
            SELECT pseudonym, consent_ref, value_wh::numeric AS wh, coalesce(district, '') AS district,
                   CASE $6 WHEN 0 THEN ((window_start AT TIME ZONE 'UTC') + $7)::date - $8
                           WHEN 1 THEN (extract(year FROM (window_start AT TIME ZONE 'UTC') + $7) * 12 + extract(month FROM (window_start AT TIME ZONE 'UTC') + $7))::int
                                       - (extract(year FROM $8) * 12 + extract(month FROM $8))::int
                           ELSE extract(hour FROM (window_start AT TIME ZONE 'UTC') + $7)::int END AS col
            FROM aggregate
            WHERE purpose = $1 AND category = $2 AND aggregation = $3 AND window_start >= $4 AND window_start < $5),
        per_household AS MATERIALIZED (
            SELECT district, col, pseudonym, sum(wh) AS wh, GROUPING(col) AS whole
            FROM w GROUP BY district, pseudonym, GROUPING SETS ((col), ())),
        cells AS (
            SELECT district, col, whole, count(*) AS households, sum(wh) AS wh, max(wh) AS largest
            FROM per_household GROUP BY district, col, whole),
        held AS (SELECT DISTINCT pseudonym, consent_ref, district FROM w),
        ranges AS (SELECT district, array_agg(consent_ref ORDER BY consent_ref) AS consents FROM (SELECT DISTINCT district, consent_ref FROM held) d GROUP BY district),
        flags AS (SELECT (SELECT count(*) > count(DISTINCT pseudonym) FROM held) AS many_refs,
                         (SELECT count(*) > count(DISTINCT pseudonym) FROM per_household WHERE whole = 1) AS moved),
        own AS (
            SELECT district, col FROM (
                SELECT district, col, whole, households, max(households) FILTER (WHERE whole = 1) OVER (PARTITION BY district) AS range_households
                FROM cells) c
            WHERE c.whole = 0 AND (c.households < c.range_households OR (SELECT many_refs FROM flags))),
        own_refs AS (
            SELECT w.district, w.col, array_agg(DISTINCT w.consent_ref ORDER BY w.consent_ref) AS consents
            FROM w JOIN own ON own.district = w.district AND own.col = w.col GROUP BY w.district, w.col)
        SELECT c.district, CASE WHEN c.whole = 1 THEN NULL ELSE c.col END, c.households, c.wh, c.largest,
               CASE WHEN c.whole = 1 THEN r.consents ELSE o.consents END, flags.moved
        FROM cells c CROSS JOIN flags
        JOIN ranges r ON r.district = c.district
        LEFT JOIN own_refs o ON o.district = c.district AND o.col = c.col AND c.whole = 0
        """;

    // Day and month tables from the summaries migration 0005 keeps ($4 first day, $5 day after the last, $6 first whole
    // month, $7 end of the whole months, $8 the first day's year × 12 + month): a range's per-household totals from its
    // whole months and its days outside them, day columns from the district-day rows.
    private const string Pieces =
        """
        WITH pieces AS MATERIALIZED (
            SELECT district, pseudonym, month AS d, energy_wh, consent_refs FROM household_month
            WHERE purpose = $1 AND category = $2 AND aggregation = $3 AND month >= $6 AND month < $7
            UNION ALL
            SELECT district, pseudonym, day, energy_wh, consent_refs FROM household_day
            WHERE purpose = $1 AND category = $2 AND aggregation = $3 AND day >= $4 AND day < $5 AND NOT (day >= $6 AND day < $7)),
        per_household AS MATERIALIZED (SELECT district, pseudonym, sum(energy_wh) AS wh FROM pieces GROUP BY district, pseudonym),
        whole AS (SELECT district, count(*) AS households, sum(wh) AS wh, max(wh) AS largest FROM per_household GROUP BY district),
        held AS MATERIALIZED (SELECT DISTINCT district, pseudonym, r AS consent_ref FROM pieces, unnest(consent_refs) AS r),
        ranges AS (SELECT district, array_agg(DISTINCT consent_ref ORDER BY consent_ref) AS consents FROM held GROUP BY district),
        flags AS (SELECT (SELECT count(*) > count(DISTINCT pseudonym) FROM held) AS many_refs,
                         (SELECT count(*) > count(DISTINCT pseudonym) FROM per_household) AS moved),
        """;

    private const string DayColumns =
        """
        cols AS (
            SELECT district, (day - $4) AS col, households::bigint AS households, energy_wh AS wh, largest_wh AS largest
            FROM district_day WHERE purpose = $1 AND category = $2 AND aggregation = $3 AND day >= $4 AND day < $5),
        own AS MATERIALIZED (SELECT c.district, c.col FROM cols c JOIN whole w USING (district) WHERE c.households < w.households OR (SELECT many_refs FROM flags)),
        own_refs AS (
            SELECT o.district, o.col, (
                SELECT array_agg(DISTINCT r ORDER BY r) FROM household_day h, unnest(h.consent_refs) AS r
                WHERE h.purpose = $1 AND h.category = $2 AND h.aggregation = $3 AND h.day = $4 + o.col AND h.district = o.district) AS consents
            FROM own o)
        """;

    private const string MonthColumns =
        """
        by_month AS MATERIALIZED (
            SELECT district, ((extract(year FROM d) * 12 + extract(month FROM d))::int - $8) AS col, pseudonym, energy_wh, consent_refs FROM pieces),
        cols AS (
            SELECT district, col, count(*) AS households, sum(wh) AS wh, max(wh) AS largest
            FROM (SELECT district, col, pseudonym, sum(energy_wh) AS wh FROM by_month GROUP BY district, col, pseudonym) m GROUP BY district, col),
        own AS (SELECT c.district, c.col FROM cols c JOIN whole w USING (district) WHERE c.households < w.households OR (SELECT many_refs FROM flags)),
        own_refs AS (
            SELECT o.district, o.col, array_agg(DISTINCT r ORDER BY r) AS consents
            FROM own o JOIN by_month m USING (district, col), unnest(m.consent_refs) AS r
            GROUP BY o.district, o.col)
        """;

    private const string Cells =
        """
        SELECT c.district, c.col, c.households, c.wh, c.largest, o.consents, f.moved
        FROM cols c CROSS JOIN flags f LEFT JOIN own_refs o USING (district, col)
        UNION ALL
        SELECT w.district, NULL, w.households, w.wh, w.largest, r.consents, f.moved
        FROM whole w CROSS JOIN flags f JOIN ranges r USING (district)
        """;

    // The last tables asked for, per purpose, range and period, under the purpose's data version: a change of the
    // windows (new data, a withdrawal, retention) raises the version and the next request computes them again.
    private const int CacheSize = 64;
    private readonly ConcurrentDictionary<(string Purpose, string Aggregation, PeriodKind Period, DateOnly From, DateOnly To, TimeSpan Offset), (long Version, IReadOnlyList<DistrictCell>? Cells)> cache = new();

    /// <summary>The district cells of <paramref name="query"/> over <paramref name="purpose"/>'s stored windows, or
    /// null when a household lies in more than one district in the range (then the windows are needed).</summary>
    public async Task<IReadOnlyList<DistrictCell>?> ReadAsync(string purpose, TableQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var aggregation = query.Period == PeriodKind.HourOfDay ? options.Value.HourAggregation : options.Value.DayAggregation;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);

        // One snapshot for the version and the cells, so cells are never cached under a later version than theirs.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var (version, calendar) = await VersionAsync(connection, transaction, purpose, cancellationToken);
        var key = (purpose, aggregation, query.Period, query.From, query.To, query.UtcOffset);
        if (cache.TryGetValue(key, out var cached) && cached.Version == version)
        {
            return cached.Cells;
        }

        var cells = query.Period != PeriodKind.HourOfDay && calendar == query.UtcOffset
            ? await ReadSummariesAsync(connection, transaction, purpose, aggregation, query, cancellationToken)
            : await ReadWindowsAsync(connection, transaction, purpose, aggregation, query, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (cache.Count >= CacheSize)
        {
            cache.Clear();
        }

        cache[key] = (version, cells);
        return cells;
    }

    private static async Task<(long Version, TimeSpan Calendar)> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string purpose, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT coalesce((SELECT version FROM analysis_data_version WHERE purpose = $1), 0), (SELECT utc_offset FROM analysis_calendar)", connection, transaction);
        command.Parameters.Add(new() { Value = purpose });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetFieldValue<TimeSpan>(1));
    }

    private async Task<IReadOnlyList<DistrictCell>?> ReadSummariesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string purpose, string aggregation, TableQuery query, CancellationToken cancellationToken)
    {
        var firstMonth = query.From.Day == 1 ? query.From : new DateOnly(query.From.Year, query.From.Month, 1).AddMonths(1);
        var endMonth = new DateOnly(query.To.Year, query.To.Month, 1);
        if (endMonth <= firstMonth)
        {
            (firstMonth, endMonth) = (query.From, query.From);
        }

        await PlanAsync(connection, transaction, "64MB", cancellationToken);
        await using var command = new NpgsqlCommand(Pieces + (query.Period == PeriodKind.Day ? DayColumns : MonthColumns) + Cells, connection, transaction);
        command.Parameters.Add(new() { Value = purpose });
        command.Parameters.Add(new() { Value = options.Value.Category });
        command.Parameters.Add(new() { Value = aggregation });
        command.Parameters.Add(new() { Value = query.From, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = query.To, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = firstMonth, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = endMonth, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = (query.From.Year * 12) + query.From.Month });
        return await CollectAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<DistrictCell>?> ReadWindowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string purpose, string aggregation, TableQuery query, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), query.UtcOffset).UtcDateTime;
        var to = new DateTimeOffset(query.To.ToDateTime(TimeOnly.MinValue), query.UtcOffset).UtcDateTime;

        await PlanAsync(connection, transaction, "256MB", cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection, transaction);

        // A year of a large city's windows takes longer than Npgsql's default 30 s; the request's token still ends it
        // when the analyst gives up.
        command.CommandTimeout = 300;
        AddRange(command, purpose, aggregation, from, to);
        command.Parameters.Add(new() { Value = (int)query.Period });
        command.Parameters.Add(new() { Value = query.UtcOffset, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new() { Value = query.From, NpgsqlDbType = NpgsqlDbType.Date });
        return await CollectAsync(command, cancellationToken);
    }

    // The groupings of a year of a city's windows fit in memory; the default (4 MB) would sort on disk. The planner has
    // no row estimates for the intermediate results (nor for summaries not yet analysed after a bulk load) and would
    // join them in nested loops, quadratic in the days; with those off the plan's cost looks huge and JIT compilation
    // (seconds) would start. Lookups that must go by index are correlated subqueries, which these settings leave be.
    private static async Task PlanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string workMem, CancellationToken cancellationToken)
    {
        await using var settings = new NpgsqlCommand($"SET LOCAL work_mem = '{workMem}'; SET LOCAL enable_nestloop = off; SET LOCAL jit = off", connection, transaction);
        await settings.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<DistrictCell>?> CollectAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var cells = new List<DistrictCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetBoolean(6))
            {
                return null;
            }

            var area = reader.GetString(0);
            cells.Add(new DistrictCell(
                area.Length == 0 ? null : area, reader.IsDBNull(1) ? null : reader.GetInt32(1), (int)reader.GetInt64(2),
                reader.GetDecimal(3), reader.GetDecimal(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<string[]>(5)));
        }

        return cells;
    }

    private void AddRange(NpgsqlCommand command, string purpose, string aggregation, DateTime from, DateTime to)
    {
        command.Parameters.Add(new() { Value = purpose });
        command.Parameters.Add(new() { Value = options.Value.Category });
        command.Parameters.Add(new() { Value = aggregation });
        command.Parameters.Add(new() { Value = from, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = to, NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }
}
