namespace Aizu.City.Analysis.Tests;

public sealed class GroundTruthTests
{
    private static readonly DateOnly December1 = new(2026, 12, 1);
    private static readonly DateOnly December8 = new(2026, 12, 8);
    private static readonly Dictionary<CellKey, EarlierRelease> Nothing = [];

    private static CityData City()
    {
        var random = new Random(16);
        return new CityData()
            .Households("north", 20, "aizu/north", December1, December8, random)
            .Households("east", 14, "aizu/east", December1, December8, random)
            .Households("west", 16, "aizu/west", December1, December8, random, dominantFactor: 10)
            .Households("south", 30, "aizu/south", December1, December8, random)
            .Households("centre", 15, "aizu/centre", December1, December8, random)
            .Households("none", 15, null, December1, December8, random);
    }

    [Fact]
    public void DistrictsOfFifteenOrMore_AreReleasedWithExactlyTheTrueSums()
    {
        var city = City();
        var table = StatisticsRelease.Build(new TableQuery(2, PeriodKind.Day, December1, December8, CityData.Japan), ReleaseRules.Analyst, city.Windows, Nothing);

        Assert.Null(table.Refusal);
        foreach (var area in new[] { "aizu/north", "aizu/south", "aizu/centre", "aizu", "", "*" })
        {
            var cells = table.Cells.Where(c => c.Key.Area == area).ToList();
            Assert.Equal(8, cells.Count);
            Assert.All(cells, c => Assert.Equal(CellStatus.Released, c.Status));
        }

        // Every released number is the truth, to the last tenth of a watt-hour.
        var released = table.Cells.Where(c => c.Status == CellStatus.Released).ToList();
        Assert.True(released.Count >= 40);
        foreach (var cell in released)
        {
            var truth = city.Truth(cell.Key.Area, cell.Key.From, cell.Key.To, cell.Key.Hour);
            Assert.Equal(truth.Energy, cell.EnergyWh);
            Assert.Equal(truth.Households, cell.Households);
            Assert.Equal(truth.Energy / truth.Households, cell.MeanWh);
        }

        var north = table.Cells.Single(c => c.Key.Area == "aizu/north" && c.Period == "2026-12-03");
        Assert.Equal(20, north.Households);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"ref-north-{i:000}"), north.Consents);
    }

    [Fact]
    public void FourteenHouseholds_AreSuppressedByTheMinimumRule()
    {
        var table = StatisticsRelease.Build(new TableQuery(2, PeriodKind.Day, December1, December8, CityData.Japan), ReleaseRules.Analyst, City().Windows, Nothing);

        var east = table.Cells.Where(c => c.Key.Area == "aizu/east").ToList();
        Assert.Equal(8, east.Count);
        Assert.All(east, c =>
        {
            Assert.Equal(CellStatus.Suppressed, c.Status);
            Assert.Equal(SuppressionRule.MinHouseholds, c.Rule);
            Assert.Null(c.EnergyWh);
            Assert.Null(c.Households);
            Assert.Empty(c.Consents);
        });
    }

    [Fact]
    public void OneHouseholdAboveFifteenPercent_IsSuppressedByTheDominanceRule()
    {
        var city = City();
        var table = StatisticsRelease.Build(new TableQuery(2, PeriodKind.Day, December1, December8, CityData.Japan), ReleaseRules.Analyst, city.Windows, Nothing);

        Assert.True(city.Truth("aizu/west", December1, December8).LargestShare > 0.15m);
        Assert.True(city.Truth("aizu/west", December1, December8).Households >= 15);
        Assert.All(table.Cells.Where(c => c.Key.Area == "aizu/west"), c => Assert.Equal(SuppressionRule.Dominance, c.Rule));
    }

    [Fact]
    public void ExactlyFifteen_IsReleased_AndThePublishedPresetNeedsAHundred()
    {
        var city = City();
        var query = new TableQuery(2, PeriodKind.Month, December1, December8, CityData.Japan);

        var analyst = StatisticsRelease.Build(query, ReleaseRules.Analyst, city.Windows, Nothing);
        var published = StatisticsRelease.Build(query, ReleaseRules.Published, city.Windows, Nothing);

        Assert.All(analyst.Cells.Where(c => c.Key.Area == "aizu/centre"), c => Assert.Equal(CellStatus.Released, c.Status));
        // 95 households in aizu, 110 in all: only the whole purpose reaches a hundred.
        Assert.All(published.Cells.Where(c => c.Key.Area.Length > 0), c => Assert.Equal(SuppressionRule.MinHouseholds, c.Rule));
        Assert.Equal(city.Truth("", December1, December8).Energy, published.Cells.Single(c => c.Key.Area.Length == 0 && c.Period == "total").EnergyWh);
    }

    [Fact]
    public void ALoneSuppressedSibling_GetsTheNextSmallestSiblingSuppressedWithIt()
    {
        var random = new Random(7);
        var city = new CityData()
            .Households("a", 20, "aizu/a", December1, December8, random, hourly: 300)
            .Households("b", 40, "aizu/b", December1, December8, random, hourly: 900)
            .Households("c", 14, "aizu/c", December1, December8, random);
        var table = StatisticsRelease.Build(new TableQuery(2, PeriodKind.Day, December1, December8, CityData.Japan), ReleaseRules.Analyst, city.Windows, Nothing);

        Assert.All(table.Cells.Where(c => c.Key.Area == "aizu/c"), c => Assert.Equal(SuppressionRule.MinHouseholds, c.Rule));
        // aizu = a + b + c in every column: c alone would be aizu − a − b, so the smaller sibling a goes too.
        Assert.All(table.Cells.Where(c => c.Key.Area == "aizu/a"), c => Assert.Equal(SuppressionRule.Secondary, c.Rule));
        Assert.All(table.Cells.Where(c => c.Key.Area is "aizu/b" or "aizu"), c => Assert.Equal(CellStatus.Released, c.Status));
        Assert.Empty(Recover(table));
    }

    [Fact]
    public void HourOfDayProfile_SumsEachHourOverTheRange()
    {
        var city = City();
        var table = StatisticsRelease.Build(new TableQuery(1, PeriodKind.HourOfDay, December1, December8, CityData.Japan), ReleaseRules.Analyst, city.Windows, Nothing);

        var aizu = table.Cells.Where(c => c.Key.Area == "aizu").ToList();
        Assert.Equal(25, aizu.Count);
        foreach (var cell in aizu)
        {
            Assert.Equal(city.Truth("aizu", December1, December8, cell.Key.Hour).Energy, cell.EnergyWh);
        }

        Assert.Equal(aizu.Where(c => c.Period != "total").Sum(c => c.EnergyWh), aizu.Single(c => c.Period == "total").EnergyWh);
    }

    [Fact]
    public void AMalformedQuery_IsRefusedWithOneLine()
    {
        var table = StatisticsRelease.Build(new TableQuery(4, PeriodKind.Day, December1, December8, CityData.Japan), ReleaseRules.Analyst, City().Windows, Nothing);

        Assert.Empty(table.Cells);
        Assert.Equal("level must be 1 (city), 2 (district) or 3 (sub-district), not 4", table.Refusal);
    }

    private static Dictionary<string, double> Recover(StatisticsTable table)
    {
        var adversary = new Adversary();
        adversary.Learn(table);
        return adversary.Recover();
    }
}
