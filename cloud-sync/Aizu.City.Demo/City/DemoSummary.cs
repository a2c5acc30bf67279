namespace Aizu.City.Demo;

/// <summary>
/// The live summary line: what PostgreSQL holds (rows, and households, counted as the distinct planning
/// data sets, which every household shares) and what the ingest refused, by reason.
/// </summary>
internal static class DemoSummary
{
    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    public static async Task<string> LineAsync(NpgsqlDataSource database, IngestMetrics metrics, DateTimeOffset simulated, int households, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*), count(DISTINCT pseudonym) FILTER (WHERE purpose = $1) FROM aggregate");
        command.Parameters.Add(new NpgsqlParameter { Value = DemoHouseholds.Planning });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var rows = reader.GetInt64(0);
        var storing = reader.GetInt64(1);
        var status = metrics.Snapshot();
        var refused = status.Rejected.Count == 0
            ? "none"
            : string.Join(", ", status.Rejected.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}")));
        var local = TimeZoneInfo.ConvertTime(simulated, Japan);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{local:yyyy-MM-dd HH:mm} JST simulated] stored {rows} rows from {storing} of {households} households; received {status.Received}, duplicates {status.Duplicates}; refused: {refused}");
    }
}
