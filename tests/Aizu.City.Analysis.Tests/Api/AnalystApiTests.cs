namespace Aizu.City.Analysis.Tests;

/// <summary>The analyst host on real PostgreSQL, seeded through the ingest's store with known ground truth.</summary>
[Collection(AnalysisCollection.Name)]
public sealed class AnalystApiTests(AnalysisServer server)
{
    private static readonly DateOnly December1 = AnalysisServer.December1;

    [Fact]
    public async Task WithoutAValidToken_Every_Api_Call_Is401()
    {
        using var anonymous = server.Anonymous();
        foreach (var path in new[] { "/api/me", "/api/statistics?purpose=district-planning&from=2026-12-01&to=2026-12-09", "/api/published?purpose=open-data&from=2026-12-01&to=2026-12-09&epsilon=0.1" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnAnalystOfOnePurpose_GetsNothingOfAnother_AndTheAttemptIsAudited()
    {
        using var analyst = await server.AnalystAsync(AnalysisServer.Peak);

        var response = await analyst.GetAsync(new Uri("/api/statistics?purpose=district-planning&level=2&period=day&from=2026-12-01&to=2026-12-09", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("aizu/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("energyWh", body, StringComparison.Ordinal);
        var me = JsonDocument.Parse(await analyst.GetStringAsync(new Uri("/api/me", UriKind.Relative))).RootElement;
        Assert.Equal([AnalysisServer.Peak], me.GetProperty("purposes").EnumerateArray().Select(p => p.GetProperty("purpose").GetString()));
        Assert.Equal(1, await ScalarAsync<long>("SELECT count(*) FROM query_audit WHERE purpose = 'district-planning' AND outcome = 'refused' AND reason = 'not registered for this purpose'"));
    }

    [Fact]
    public async Task A_Table_NamesTheTimeOfEachPhase_InServerTiming()
    {
        using var analyst = await server.AnalystAsync(AnalysisServer.Planning);

        using var response = await analyst.GetAsync(new Uri("/api/statistics?purpose=district-planning&level=1&period=day&from=2026-12-01&to=2026-12-03", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var phases = response.Headers.GetValues("Server-Timing").SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries))
            .Select(p => p.Split(";dur=")).ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["admit", "cells", "rules", "guard", "audit"], phases.Keys);
        Assert.All(phases.Values, milliseconds => Assert.InRange(milliseconds, 0, 60_000));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Districts_AreReleasedWithTheTrueSums_OrSuppressedWithTheirRule_InJsonAndCsv()
    {
        using var analyst = await server.AnalystAsync(AnalysisServer.Planning);

        var json = JsonDocument.Parse(await analyst.GetStringAsync(new Uri("/api/statistics?purpose=district-planning&level=2&period=day&from=2026-12-01&to=2026-12-09", UriKind.Relative))).RootElement;
        var cells = json.GetProperty("cells").EnumerateArray().ToList();

        var north = cells.Where(c => c.GetProperty("area").GetString() == "aizu/north").ToList();
        Assert.Equal(10, north.Count);
        foreach (var cell in north)
        {
            var period = cell.GetProperty("period").GetString()!;
            var (from, to) = period == "total" ? (December1, December1.AddDays(8)) : (DateOnly.Parse(period, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(period, System.Globalization.CultureInfo.InvariantCulture));
            var truth = server.Sum(AnalysisServer.Planning, "aizu/north", from, to);
            Assert.Equal("released", cell.GetProperty("status").GetString());
            Assert.Equal(truth.Energy, cell.GetProperty("energyWh").GetDecimal());
            Assert.Equal(20, cell.GetProperty("households").GetInt32());
            Assert.Equal(20, cell.GetProperty("consents").GetInt32());
            Assert.StartsWith("sha256:", cell.GetProperty("provenance").GetString(), StringComparison.Ordinal);
        }

        Assert.All(cells.Where(c => c.GetProperty("area").GetString() == "aizu/east"), c =>
        {
            Assert.Equal("suppressed", c.GetProperty("status").GetString());
            Assert.Equal("min-households", c.GetProperty("rule").GetString());
            Assert.Equal(JsonValueKind.Null, c.GetProperty("energyWh").ValueKind);
        });
        Assert.All(cells.Where(c => c.GetProperty("area").GetString() == "aizu/west"), c => Assert.Equal("dominance", c.GetProperty("rule").GetString()));
        Assert.Contains("earlier releases stay published", json.GetProperty("note").GetString(), StringComparison.Ordinal);

        // The audit entry resolves each digest to the consent references behind it.
        var audit = json.GetProperty("audit").GetInt64();
        var released = await ScalarAsync<string>(
            $"SELECT string_agg(r, ',') FROM query_audit q, jsonb_array_elements_text(q.released::jsonb->'consentSets') AS d JOIN consent_snapshot s ON s.digest = d, unnest(s.consent_refs) AS r WHERE q.seq = {audit}");
        Assert.Contains("ref-north-000", released, StringComparison.Ordinal);
        var northDay = north.First(c => c.GetProperty("period").GetString() == "2026-12-01");
        var snapshot = await ScalarAsync<string>(
            $"SELECT d FROM query_audit q, jsonb_array_elements_text(q.released::jsonb->'consentSets') AS d JOIN consent_snapshot s ON s.digest = d WHERE q.seq = {audit} AND 'ref-north-000' = ANY(s.consent_refs) AND NOT 'ref-south-000' = ANY(s.consent_refs)");
        Assert.Equal(QueryAudit.Provenance(audit, new Aizu.City.Statistics.CellKey("aizu/north", December1, December1.AddDays(1), null), snapshot), northDay.GetProperty("provenance").GetString());

        var csv = await analyst.GetStringAsync(new Uri("/api/statistics?purpose=district-planning&level=2&period=month&from=2026-12-01&to=2026-12-09&format=csv", UriKind.Relative));
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("area,period,status,rule,energy_wh,mean_wh,households,consents,provenance", lines[0]);
        var northMonth = server.Sum(AnalysisServer.Planning, "aizu/north", December1, December1.AddDays(8));
        Assert.Contains(lines, l => l.StartsWith($"aizu/north,2026-12,released,,{northMonth.Energy.ToString(System.Globalization.CultureInfo.InvariantCulture)},", StringComparison.Ordinal));
        Assert.Contains("aizu/east,2026-12,suppressed,min-households,,,,,", lines);
    }

    [Fact]
    public async Task TheColumnsLayout_GivesTheSameCells_AFieldAtATime()
    {
        const string Table = "/api/statistics?purpose=district-planning&level=2&period=day&from=2026-12-01&to=2026-12-09";
        using var analyst = await server.AnalystAsync(AnalysisServer.Planning);
        using var other = await server.AnalystAsync(AnalysisServer.Planning);

        var cells = JsonDocument.Parse(await analyst.GetStringAsync(new Uri(Table, UriKind.Relative))).RootElement.GetProperty("cells").EnumerateArray().ToList();
        var json = JsonDocument.Parse(await other.GetStringAsync(new Uri(Table + "&layout=columns", UriKind.Relative))).RootElement;

        Assert.Equal("columns", json.GetProperty("layout").GetString());
        var areas = json.GetProperty("areas").EnumerateArray().Select(a => a.GetString()).ToList();
        var periods = json.GetProperty("periods").EnumerateArray().Select(p => p.GetString()).ToList();
        var columns = json.GetProperty("cells");
        Assert.Equal(cells.Count, columns.GetProperty("area").GetArrayLength());
        Assert.Contains(cells, c => c.GetProperty("status").GetString() == "suppressed");
        Assert.Contains(cells, c => c.GetProperty("status").GetString() == "released");
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.Equal(cells[i].GetProperty("area").GetString(), areas[columns.GetProperty("area")[i].GetInt32()]);
            Assert.Equal(cells[i].GetProperty("period").GetString(), periods[columns.GetProperty("period")[i].GetInt32()]);
            foreach (var field in new[] { "status", "rule", "energyWh", "meanWh", "households", "consents" })
            {
                Assert.Equal(cells[i].GetProperty(field).GetRawText(), columns.GetProperty(field)[i].GetRawText());
            }

            // Each answer is its own audit entry, which its digests name.
            var provenance = columns.GetProperty("provenance")[i];
            Assert.Equal(cells[i].GetProperty("provenance").ValueKind, provenance.ValueKind);
            Assert.True(provenance.ValueKind == JsonValueKind.Null || provenance.GetString()!.StartsWith("sha256:", StringComparison.Ordinal));
        }

        using var wrong = await other.GetAsync(new Uri(Table + "&layout=rows", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task TwoRangesDifferingByTheDayAHouseholdJoined_AreRefused_AndAudited_AndTheAuditCannotBeChanged()
    {
        using var analyst = await server.AnalystAsync(AnalysisServer.Planning);

        var first = await analyst.GetAsync(new Uri("/api/statistics?purpose=district-planning&level=2&period=month&from=2026-12-01&to=2026-12-09", UriKind.Relative));
        var second = await analyst.GetAsync(new Uri("/api/statistics?purpose=district-planning&level=2&period=month&from=2026-12-01&to=2026-12-10", UriKind.Relative));
        var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var reason = body.GetProperty("refused").GetString()!;
        Assert.Equal("differencing: 2026-12-01..2026-12-10 next to 2026-12-01..2026-12-09 you were given before would reveal 2026-12-10..2026-12-10 of aizu/south, which fails the dominance rule", reason);
        Assert.False(body.TryGetProperty("cells", out _));
        var audit = body.GetProperty("audit").GetInt64();
        Assert.Equal(reason, await ScalarAsync<string>($"SELECT reason FROM query_audit WHERE seq = {audit} AND outcome = 'refused'"));

        var update = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>($"UPDATE query_audit SET reason = 'nothing' WHERE seq = {audit} RETURNING 1"));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>($"DELETE FROM query_audit WHERE seq = {audit} RETURNING 1"));
    }

    [Fact]
    public async Task AfterAWithdrawal_LaterReleasesExcludeTheHousehold()
    {
        using var before = await server.AnalystAsync(AnalysisServer.Withdrawals);
        const string Ask = "/api/statistics?purpose=withdrawal-study&level=2&period=month&from=2026-12-01&to=2026-12-10";
        var first = JsonDocument.Parse(await before.GetStringAsync(new Uri(Ask, UriKind.Relative))).RootElement;
        Assert.Equal(20, NorthMonth(first).GetProperty("households").GetInt32());

        await server.WithdrawAsync(AnalysisServer.Withdrawals, "quit-003");

        using var after = await server.AnalystAsync(AnalysisServer.Withdrawals);
        var fresh = NorthMonth(JsonDocument.Parse(await after.GetStringAsync(new Uri(Ask, UriKind.Relative))).RootElement);
        Assert.Equal(19, fresh.GetProperty("households").GetInt32());
        Assert.Equal(server.Sum(AnalysisServer.Withdrawals, "aizu/north", December1, December1.AddDays(9)).Energy, fresh.GetProperty("energyWh").GetDecimal());
        // The analyst who saw the old number gets the cell withheld: next to it, the new one would be quit-003's energy.
        var again = NorthMonth(JsonDocument.Parse(await before.GetStringAsync(new Uri(Ask, UriKind.Relative))).RootElement);
        Assert.Equal("changed", again.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task PublishedTables_StateEpsilonClipAndBudget_AndRefuseOnceTheBudgetIsSpent()
    {
        using var analyst = await server.AnalystAsync(AnalysisServer.OpenData);
        const string Ask = "/api/published?purpose=open-data&level=2&period=day&from=2026-12-01&to=2026-12-05&epsilon=0.4&series=north-daily";

        var first = JsonDocument.Parse(await analyst.GetStringAsync(new Uri(Ask, UriKind.Relative))).RootElement;
        var second = JsonDocument.Parse(await analyst.GetStringAsync(new Uri(Ask, UriKind.Relative))).RootElement;
        var third = await analyst.GetAsync(new Uri(Ask, UriKind.Relative));
        var refused = JsonDocument.Parse(await third.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(0.4m, first.GetProperty("epsilon").GetDecimal());
        Assert.Equal(0, first.GetProperty("delta").GetInt32());
        Assert.Equal(30_000, first.GetProperty("clipWh").GetInt64());
        Assert.Equal(0.6m, first.GetProperty("budget").GetProperty("remaining").GetDecimal());
        Assert.Equal(0.2m, second.GetProperty("budget").GetProperty("remaining").GetDecimal());
        var north = first.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("area").GetString() == "aizu/north" && c.GetProperty("period").GetString() == "2026-12-02");
        var truth = server.Sum(AnalysisServer.OpenData, "aizu/north", December1.AddDays(1), December1.AddDays(1));
        // 150 households; noise of scale 2·30 000·5/0.4 = 750 kWh: within 10 MWh of the truth with overwhelming odds, and not equal to it.
        Assert.InRange(north.GetProperty("energyWh").GetInt64(), (long)truth.Energy - 10_000_000, (long)truth.Energy + 10_000_000);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("privacy budget spent: 0.2 of 1 left, 0.4 asked", refused.GetProperty("refused").GetString());
        Assert.Equal(0.2m, refused.GetProperty("budget").GetProperty("remaining").GetDecimal());
        Assert.Equal(0.8m, await ScalarAsync<decimal>("SELECT sum(epsilon) FROM privacy_spend WHERE purpose = 'open-data' AND series = 'north-daily'"));
        Assert.Equal(1, await ScalarAsync<long>($"SELECT count(*) FROM query_audit WHERE seq = {refused.GetProperty("audit").GetInt64()} AND outcome = 'refused'"));
    }

    private static JsonElement NorthMonth(JsonElement table) =>
        table.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("area").GetString() == "aizu/north" && c.GetProperty("period").GetString() == "2026-12");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = server.Database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
