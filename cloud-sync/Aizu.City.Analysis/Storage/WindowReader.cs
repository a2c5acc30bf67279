namespace Aizu.City.Analysis;

/// <summary>Reads a purpose's stored windows of the configured category for a table: what is in <c>aggregate</c> now,
/// so a withdrawn household (its rows deleted by the ingest) is in no later table.</summary>
public sealed class WindowReader(AnalysisDatabase database, IOptions<AnalysisOptions> options)
{
    /// <summary>The windows of <paramref name="purpose"/> starting in the local days of <paramref name="query"/>.</summary>
    public async Task<IReadOnlyList<HouseholdWindow>> ReadAsync(string purpose, TableQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var aggregation = query.Period == PeriodKind.HourOfDay ? options.Value.HourAggregation : options.Value.DayAggregation;
        var from = new DateTimeOffset(query.From.ToDateTime(TimeOnly.MinValue), query.UtcOffset).UtcDateTime;
        var to = new DateTimeOffset(query.To.ToDateTime(TimeOnly.MinValue), query.UtcOffset).UtcDateTime;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT pseudonym, district, window_start, value_wh, consent_ref FROM aggregate
            WHERE purpose = $1 AND category = $2 AND aggregation = $3 AND window_start >= $4 AND window_start < $5
            """, connection);
        command.Parameters.Add(new() { Value = purpose });
        command.Parameters.Add(new() { Value = options.Value.Category });
        command.Parameters.Add(new() { Value = aggregation });
        command.Parameters.Add(new() { Value = from, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = to, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var windows = new List<HouseholdWindow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            windows.Add(new HouseholdWindow(
                reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)), (decimal)reader.GetDouble(3), reader.GetString(4)));
        }

        return windows;
    }
}
