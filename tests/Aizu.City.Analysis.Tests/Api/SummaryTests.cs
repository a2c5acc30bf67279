namespace Aizu.City.Analysis.Tests;

/// <summary>
/// The summaries the triggers keep (migration 0005) stay the sums of the windows that are left after deletes, and the
/// cached district cells do not outlive a change: a table asked after a withdrawal or a retention delete excludes what
/// went.
/// </summary>
[Collection(AnalysisCollection.Name)]
public sealed class SummaryTests(AnalysisServer server)
{
    // Each summary as PostgreSQL computes it from the windows now; both directions of EXCEPT must be empty.
    private const string Differences =
        """
        SELECT
          (SELECT count(*) FROM (
             (SELECT district, day, pseudonym, energy_wh, windows, consent_refs FROM household_day WHERE purpose = $1
              EXCEPT SELECT coalesce(district, ''), ((window_start AT TIME ZONE 'UTC') + interval '9 hours')::date, pseudonym, sum(value_wh::numeric), count(*)::int, array_agg(DISTINCT consent_ref ORDER BY consent_ref)
                     FROM aggregate WHERE purpose = $1 GROUP BY 1, 2, 3)
             UNION ALL
             (SELECT coalesce(district, ''), ((window_start AT TIME ZONE 'UTC') + interval '9 hours')::date, pseudonym, sum(value_wh::numeric), count(*)::int, array_agg(DISTINCT consent_ref ORDER BY consent_ref)
                     FROM aggregate WHERE purpose = $1 GROUP BY 1, 2, 3
              EXCEPT SELECT district, day, pseudonym, energy_wh, windows, consent_refs FROM household_day WHERE purpose = $1)) d)
        + (SELECT count(*) FROM (
             (SELECT district, day, households, energy_wh, largest_wh FROM district_day WHERE purpose = $1
              EXCEPT SELECT district, day, count(*)::int, sum(energy_wh), max(energy_wh) FROM household_day WHERE purpose = $1 GROUP BY 1, 2)
             UNION ALL
             (SELECT district, day, count(*)::int, sum(energy_wh), max(energy_wh) FROM household_day WHERE purpose = $1 GROUP BY 1, 2
              EXCEPT SELECT district, day, households, energy_wh, largest_wh FROM district_day WHERE purpose = $1)) d)
        + (SELECT count(*) FROM (
             (SELECT district, month, pseudonym, energy_wh, windows FROM household_month WHERE purpose = $1
              EXCEPT SELECT district, date_trunc('month', day)::date, pseudonym, sum(energy_wh), sum(windows)::int FROM household_day WHERE purpose = $1 GROUP BY 1, 2, 3)
             UNION ALL
             (SELECT district, date_trunc('month', day)::date, pseudonym, sum(energy_wh), sum(windows)::int FROM household_day WHERE purpose = $1 GROUP BY 1, 2, 3
              EXCEPT SELECT district, month, pseudonym, energy_wh, windows FROM household_month WHERE purpose = $1)) d)
        """;

    [Fact]
    public async Task AfterAWithdrawalAndARetentionDelete_TheSummariesAreTheWindowsSums_AndNoCachedTableOutlivesThem()
    {
        const string Ask = "/api/statistics?purpose=summary-study&level=2&period=day&from=2026-12-01&to=2026-12-10";
        Assert.Equal(0L, await ScalarAsync<long>(Differences, AnalysisServer.Summaries));
        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM district_day WHERE purpose = $1", AnalysisServer.Summaries) >= 20);
        using (var first = await server.AnalystAsync(AnalysisServer.Summaries))
        {
            var before = await NorthAsync(first, Ask);
            Assert.Equal(20, before["total"].GetProperty("households").GetInt32());
            Assert.Equal(20, before["2026-12-02"].GetProperty("households").GetInt32());
        }

        // A withdrawal (the ingest's deletion service), then part of one household's windows as retention would.
        await server.WithdrawAsync(AnalysisServer.Summaries, "sum-001");
        await using (var retention = server.Database.DataSource.CreateCommand(
            "DELETE FROM aggregate WHERE purpose = $1 AND pseudonym = 'sum-000' AND window_start < timestamptz '2026-12-03 00:00+09'"))
        {
            retention.Parameters.Add(new() { Value = AnalysisServer.Summaries });
            Assert.Equal(2, await retention.ExecuteNonQueryAsync());
        }

        Assert.Equal(0L, await ScalarAsync<long>(Differences, AnalysisServer.Summaries));
        using var second = await server.AnalystAsync(AnalysisServer.Summaries);
        var after = await NorthAsync(second, Ask);
        Assert.Equal(19, after["total"].GetProperty("households").GetInt32());
        Assert.Equal(18, after["2026-12-02"].GetProperty("households").GetInt32());
        Assert.Equal(19, after["2026-12-03"].GetProperty("households").GetInt32());
        var truth = server.Truth.Where(t => t.Purpose == AnalysisServer.Summaries && t.District == "aizu/north" && t.Day == AnalysisServer.December1.AddDays(1) && t.Household != "sum-000").Sum(t => (decimal)t.Wh);
        Assert.Equal(truth, after["2026-12-02"].GetProperty("energyWh").GetDecimal());
        Assert.Equal(
            server.Sum(AnalysisServer.Summaries, "aizu/north", AnalysisServer.December1, AnalysisServer.December1.AddDays(9)).Energy
                - server.Truth.Where(t => t.Purpose == AnalysisServer.Summaries && t.Household == "sum-000" && t.Day < AnalysisServer.December1.AddDays(2)).Sum(t => (decimal)t.Wh),
            after["total"].GetProperty("energyWh").GetDecimal());
    }

    private static async Task<Dictionary<string, JsonElement>> NorthAsync(HttpClient analyst, string ask)
    {
        var table = JsonDocument.Parse(await analyst.GetStringAsync(new Uri(ask, UriKind.Relative))).RootElement;
        return table.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("area").GetString() == "aizu/north")
            .ToDictionary(c => c.GetProperty("period").GetString()!, c => c);
    }

    private async Task<T> ScalarAsync<T>(string sql, string purpose)
    {
        await using var command = server.Database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = purpose });
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
