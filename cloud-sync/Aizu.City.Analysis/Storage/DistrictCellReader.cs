using Aizu.City.Statistics;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Aizu.City.Analysis;

/// <summary>
/// Lets PostgreSQL sum a table's windows per household, district (cut to the query's level) and column, and send per
/// district and column only the household count, the energy, the largest household's energy and the consent
/// references (a period cell's list only when it differs from its district's whole-range list).
/// </summary>
public sealed class DistrictCellReader(AnalysisDatabase database, IOptions<AnalysisOptions> options)
{
    // $6 period (0 day, 1 month, 2 hour of day), $7 offset, $8 level, $9 first local day.
    private const string Sql =
        """
        WITH w AS (
            SELECT pseudonym, consent_ref, value_wh::numeric AS wh,
                   coalesce(array_to_string((string_to_array(district, '/'))[1:$8], '/'), '') AS area,
                   CASE $6 WHEN 0 THEN ((window_start AT TIME ZONE 'UTC') + $7)::date - $9
                           WHEN 1 THEN (extract(year FROM (window_start AT TIME ZONE 'UTC') + $7) * 12 + extract(month FROM (window_start AT TIME ZONE 'UTC') + $7))::int
                                       - (extract(year FROM $9) * 12 + extract(month FROM $9))::int
                           ELSE extract(hour FROM (window_start AT TIME ZONE 'UTC') + $7)::int END AS col
            FROM aggregate
            WHERE purpose = $1 AND category = $2 AND aggregation = $3 AND window_start >= $4 AND window_start < $5),
        per_household AS (
            SELECT area, col, pseudonym, sum(wh) AS wh, GROUPING(col) AS whole
            FROM w GROUP BY area, pseudonym, GROUPING SETS ((col), ())),
        cells AS (
            SELECT area, col, whole, count(*) AS households, sum(wh) AS wh, max(wh) AS largest
            FROM per_household GROUP BY area, col, whole),
        refs AS (
            SELECT area, col, GROUPING(col) AS whole, array_agg(DISTINCT consent_ref ORDER BY consent_ref) AS consents
            FROM w GROUP BY area, GROUPING SETS ((col), ()))
        SELECT c.area, CASE WHEN c.whole = 1 THEN NULL ELSE c.col END, c.households, c.wh, c.largest,
               CASE WHEN c.whole = 1 OR r.consents <> t.consents THEN r.consents END
        FROM cells c
        JOIN refs r ON r.area = c.area AND r.whole = c.whole AND r.col IS NOT DISTINCT FROM c.col
        JOIN refs t ON t.area = c.area AND t.whole = 1
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
        await using (var moved = new NpgsqlCommand(
            """
            SELECT 1 FROM aggregate WHERE purpose = $1 AND category = $2 AND aggregation = $3 AND window_start >= $4 AND window_start < $5
            GROUP BY pseudonym HAVING count(DISTINCT coalesce(district, '')) > 1 LIMIT 1
            """, connection))
        {
            AddRange(moved, purpose, aggregation, from, to);
            if (await moved.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return null;
            }
        }

        await using var command = new NpgsqlCommand(Sql, connection);
        AddRange(command, purpose, aggregation, from, to);
        command.Parameters.Add(new() { Value = (int)query.Period });
        command.Parameters.Add(new() { Value = query.UtcOffset, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new() { Value = query.Level });
        command.Parameters.Add(new() { Value = query.From, NpgsqlDbType = NpgsqlDbType.Date });
        var cells = new List<DistrictCell>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
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
