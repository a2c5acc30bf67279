using Aizu.City.Statistics;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Aizu.City.Analysis;

/// <summary>
/// Lets PostgreSQL sum a table's windows per household, district and column, and send per
/// district and column only the household count, the energy, the largest household's energy and the consent
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

    /// <summary>The district cells of <paramref name="query"/> over <paramref name="purpose"/>'s stored windows, or
    /// null when a household lies in more than one district in the range (then the windows are needed).</summary>
    public async Task<IReadOnlyList<DistrictCell>?> ReadAsync(string purpose, TableQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var aggregation = query.Period == PeriodKind.HourOfDay ? options.Value.HourAggregation : options.Value.DayAggregation;
        var from = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), query.UtcOffset).UtcDateTime;
        var to = new DateTimeOffset(query.To.ToDateTime(TimeOnly.MinValue), query.UtcOffset).UtcDateTime;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The groupings of a year of a city's windows fit in memory; the default (4 MB) would sort on disk. The
        // planner has no row estimates for the intermediate results and would join them in nested loops; with those
        // off the plan's cost looks huge and JIT compilation (seconds) would start.
        await using (var memory = new NpgsqlCommand("SET LOCAL work_mem = '256MB'; SET LOCAL enable_nestloop = off; SET LOCAL jit = off", connection, transaction))
        {
            await memory.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(Sql, connection, transaction);

        // A year of a large city's windows takes longer than Npgsql's default 30 s; the request's token still ends it
        // when the analyst gives up.
        command.CommandTimeout = 300;
        AddRange(command, purpose, aggregation, from, to);
        command.Parameters.Add(new() { Value = (int)query.Period });
        command.Parameters.Add(new() { Value = query.UtcOffset, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new() { Value = query.From, NpgsqlDbType = NpgsqlDbType.Date });
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
