namespace Aizu.City.Analysis.Tests;

public sealed class NoisyReleaseTests
{
    private static readonly DateOnly December1 = new(2026, 12, 1);

    [Fact]
    public void Contributions_AreClippedPerHousehold_AndTheScaleFollowsEpsilon()
    {
        var random = new Random(3);
        var city = new CityData()
            .Households("a", 200, "aizu/a", December1, December1.AddDays(3), random)
            .Households("big", 1, "aizu/a", December1, December1.AddDays(3), random, dominantFactor: 1000);
        var query = new TableQuery(2, PeriodKind.Day, December1, December1.AddDays(3), CityData.Japan);

        var table = NoisyRelease.Build(query, city.Windows, clipWh: 20_000, epsilon: 1m, new DiscreteLaplace(new SeededRandomSource(5)));

        Assert.Equal(2 * 20_000 * 3, table.EnergyScale);
        Assert.Equal(6, table.CountScale);
        var day = table.Cells.Single(c => c.Key.Area == "aizu/a" && c.Period == "2026-12-02");
        // 200 households of about 12 kWh a day plus one clipped from ~12 MWh to 20 kWh: noise of scale 120 kWh
        // stays within ±1.5 MWh with overwhelming odds; the unclipped sum would be 12 MWh higher.
        var unclipped = city.Truth("aizu/a", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 3)).Energy;
        Assert.InRange(day.EnergyWh, 200 * 12_000 - 1_500_000, 200 * 12_000 + 1_500_000);
        Assert.True(unclipped - day.EnergyWh > 10_000_000);
        Assert.InRange(day.Households, 201 - 100, 201 + 100);
        Assert.DoesNotContain(table.Cells, c => c.Period == "total");
    }

    [Fact]
    public void TheBudget_RunsOut_AndThenRefuses()
    {
        var budget = new PrivacyBudget(1m, 0.75m);

        Assert.Null(budget.Refusal(0.25m));
        Assert.Equal("privacy budget spent: 0.25 of 1 left, 0.5 asked", budget.Refusal(0.5m));
        Assert.Equal(0m, (budget with { Spent = 1m }).Remaining);
    }
}
