namespace Aizu.City.Analysis.Tests;

/// <summary>What an analyst holds survives being stored a table at a time and folded into one row.</summary>
[Collection(AnalysisCollection.Name)]
public sealed class QueryAuditTests(AnalysisServer server)
{
    [Fact]
    public async Task TwentyTables_ReadBackAsTheLatestAnswerPerCell_InAFewRows()
    {
        var directory = new AnalystDirectory(server.Database, TimeProvider.System);
        var token = await directory.AddAsync($"audit-{Guid.NewGuid():N}"[..16], [AnalysisServer.Planning], CancellationToken.None);
        var analyst = (await directory.FindAsync(token, CancellationToken.None))!;
        var audit = new QueryAudit(server.Database, TimeProvider.System);
        var reader = new WindowReader(server.Database, Options.Create(new AnalysisOptions { ConnectionString = server.ConnectionString }));
        var expected = new Dictionary<CellKey, EarlierRelease>();

        // Ranges that grow and shrink, by day and by month, on two levels: cells are released, withheld, asked again.
        for (var i = 0; i < 20; i++)
        {
            var query = new TableQuery(1 + (i % 2), i % 3 == 0 ? PeriodKind.Month : PeriodKind.Day, AnalysisServer.December1.AddDays(i % 4), AnalysisServer.December1.AddDays(5 + (i % 5)), TimeSpan.FromHours(9));
            var earlier = await audit.EarlierAsync(analyst.Id, AnalysisServer.Planning, CancellationToken.None);
            Assert.Equal(expected.OrderBy(e => e.Key.ToString()), earlier.OrderBy(e => e.Key.ToString()));
            var table = StatisticsRelease.Build(query, ReleaseRules.Analyst, await reader.ReadAsync(AnalysisServer.Planning, query, CancellationToken.None), earlier);
            Assert.Null(table.Refusal);

            var (seq, snapshots) = await audit.ReleasedAsync(analyst.Id, AnalysisServer.Planning, $"table {i}", table, earlier, CancellationToken.None);

            Assert.True(seq > 0);
            Assert.All(table.Cells.Where(c => c.Status == CellStatus.Released), c => Assert.Equal(QueryAudit.SnapshotDigest(c.Consents), snapshots[c.Consents]));
            foreach (var cell in table.Cells)
            {
                if (cell.Status == CellStatus.Released || !expected.ContainsKey(cell.Key))
                {
                    expected[cell.Key] = cell.Status == CellStatus.Released ? new EarlierRelease(CellStatus.Released, cell.EnergyWh, cell.Households) : new EarlierRelease(CellStatus.Suppressed, null, null);
                }
            }
        }

        var held = await audit.EarlierAsync(analyst.Id, AnalysisServer.Planning, CancellationToken.None);
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), held.OrderBy(e => e.Key.ToString()));
        Assert.Contains(held.Values, h => h.Status == CellStatus.Suppressed);
        await using var rows = server.Database.DataSource.CreateCommand($"SELECT count(*) FROM analyst_release WHERE analyst_id = {analyst.Id}");
        Assert.InRange((long)(await rows.ExecuteScalarAsync())!, 1, 16);
    }
}
