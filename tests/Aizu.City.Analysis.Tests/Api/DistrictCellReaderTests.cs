namespace Aizu.City.Analysis.Tests;

/// <summary>The tables built from PostgreSQL's district cells are the tables built from every window.</summary>
[Collection(AnalysisCollection.Name)]
public sealed class DistrictCellReaderTests(AnalysisServer server)
{
    private static readonly Dictionary<CellKey, EarlierRelease> Nothing = [];

    public static TheoryData<int, PeriodKind, string, string, bool> Queries => new()
    {
        { 1, PeriodKind.Day, "2026-12-01", "2026-12-11", false },
        { 2, PeriodKind.Day, "2026-12-01", "2026-12-11", true },
        { 3, PeriodKind.Day, "2026-12-02", "2026-12-09", true },
        { 2, PeriodKind.Month, "2026-11-20", "2027-01-05", true },
        { 3, PeriodKind.Month, "2026-12-01", "2026-12-11", true },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryCell_IsTheSame_AsFromTheWindows(int level, PeriodKind period, string from, string to, bool withheld)
    {
        var query = new TableQuery(level, period, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(9));
        var (districts, windows) = await ReadAsync(AnalysisServer.Mixed, query);

        var summed = StatisticsRelease.Build(query, ReleaseRules.Analyst, districts!, Nothing);
        var full = StatisticsRelease.Build(query, ReleaseRules.Analyst, windows, Nothing);

        Assert.Null(full.Refusal);
        Assert.Null(summed.Refusal);
        Assert.Equal(full.Cells.Count, summed.Cells.Count);
        Assert.Equal(withheld, full.Cells.Any(c => c.Status == CellStatus.Suppressed));
        Assert.Contains(full.Cells, c => c.Status == CellStatus.Released && c.Households > 0);
        foreach (var (expected, actual) in full.Cells.Zip(summed.Cells))
        {
            Assert.Equal((expected.Key, expected.Status, expected.Rule, expected.EnergyWh, expected.Households), (actual.Key, actual.Status, actual.Rule, actual.EnergyWh, actual.Households));
            Assert.Equal(expected.Consents, actual.Consents);
        }
    }

    [Fact]
    public async Task AHouseholdInTwoDistricts_SendsTheTableBackToTheWindows()
    {
        var query = new TableQuery(2, PeriodKind.Day, AnalysisServer.December1, AnalysisServer.December1.AddDays(10), TimeSpan.FromHours(9));

        var (districts, windows) = await ReadAsync(AnalysisServer.Moving, query);

        Assert.Null(districts);
        Assert.Equal(2, windows.Where(w => w.Household == "mover-000").Select(w => w.District).Distinct().Count());
    }

    private async Task<(IReadOnlyList<DistrictCell>? Districts, IReadOnlyList<HouseholdWindow> Windows)> ReadAsync(string purpose, TableQuery query)
    {
        var options = Options.Create(new AnalysisOptions { ConnectionString = server.ConnectionString });
        return (await new DistrictCellReader(server.Database, options).ReadAsync(purpose, query, CancellationToken.None),
            await new WindowReader(server.Database, options).ReadAsync(purpose, query, CancellationToken.None));
    }
}
