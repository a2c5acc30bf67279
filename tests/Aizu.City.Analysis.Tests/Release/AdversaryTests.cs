namespace Aizu.City.Analysis.Tests;

/// <summary>
/// One analyst asks for a sequence of overlapping tables (three levels, days, months, hour-of-day profiles, ranges
/// one day apart, a withdrawal in between); the adversary keeps every answer given and tries to compute every cell
/// that was withheld.
/// </summary>
public sealed class AdversaryTests
{
    private static readonly DateOnly December1 = new(2026, 12, 1);
    private static readonly DateOnly December11 = new(2026, 12, 11);
    private static readonly DateOnly December12 = new(2026, 12, 12);

    private static CityData City()
    {
        var random = new Random(1615);
        return new CityData()
            .Households("d1s1", 40, "aizu/d1/s1", December1, December12, random)
            .Households("d1s2", 20, "aizu/d1/s2", December1, December12, random, hourly: 200)
            .Households("d1s3", 14, "aizu/d1/s3", December1, December12, random)
            .Households("d2s1", 16, "aizu/d2/s1", December1, December12, random, dominantFactor: 12)
            .Households("d2s2", 30, "aizu/d2/s2", December1, December12, random)
            .Households("d2s3", 3, "aizu/d2/s3", December1, December12, random)
            .Households("d2", 5, "aizu/d2", December1, December12, random)
            .Households("d3s1", 25, "aizu/d3/s1", December1, December12, random)
            .Households("d3s2", 25, "aizu/d3/s2", December1, December12, random, hourly: 800)
            .Households("d4s1", 50, "aizu/d4/s1", December1, December12, random, hourly: 900)
            // Joins on 11 December and uses a lot that day: alone above 15 % of its sub-district's day.
            .Households("joiner", 1, "aizu/d4/s1", December11, December12, random, hourly: 900, dominantFactor: 20)
            .Households("none", 20, null, December1, December12, random);
    }

    [Fact]
    public void EverySuppressedCell_StaysUnrecoverable_FromEverythingReleasedToTheAnalyst()
    {
        var city = City();
        var analyst = new AnalystHistory();
        var queries = new[]
        {
            new TableQuery(3, PeriodKind.Day, December1, December11, CityData.Japan),
            new TableQuery(2, PeriodKind.Month, December1, December12, CityData.Japan),
            new TableQuery(3, PeriodKind.Day, December1, December12, CityData.Japan),
            new TableQuery(3, PeriodKind.HourOfDay, December1, December11, CityData.Japan),
            new TableQuery(3, PeriodKind.Day, new DateOnly(2026, 12, 5), December11, CityData.Japan),
            new TableQuery(2, PeriodKind.Day, December1, December11, CityData.Japan),
            new TableQuery(1, PeriodKind.Day, December1, December11, CityData.Japan),
        };

        var answered = new List<StatisticsTable>();
        var refused = new List<string>();
        foreach (var query in queries)
        {
            var (table, refusal) = analyst.Ask(query, city.Windows);
            if (refusal is not null)
            {
                refused.Add(refusal);
                continue;
            }

            answered.Add(table);
            // Level 1 (the whole purpose, the city, those without a district) has nothing to hide here.
            Assert.Equal(query.Level > 1, table.Cells.Any(c => c.Status == CellStatus.Suppressed));
        }

        // The household that joined on 11 December: December (1–11) next to 1–10 would be its day alone.
        Assert.True(refused.Count == 1, string.Join(" / ", refused));
        var only = refused[0];
        Assert.Equal("differencing: 2026-12-01..2026-12-11 next to 2026-12-01..2026-12-10 you were given before would reveal 2026-12-11..2026-12-11 of aizu/d4, which fails the dominance rule", only);
        Assert.Equal(6, answered.Count);
        // Asked by days instead, the table itself withholds the new total: every earlier day of d4/s1 is known.
        var byDay = answered[1];
        Assert.Equal(SuppressionRule.Dominance, byDay.Cells.Single(c => c.Key.Area == "aizu/d4/s1" && c.Period == "2026-12-11").Rule);
        Assert.Equal(SuppressionRule.Secondary, byDay.Cells.Single(c => c.Key.Area == "aizu/d4/s1" && c.Period == "total").Rule);

        // A household of d1/s1 withdraws; the same analyst asks the first table again.
        var withdrawn = city.Windows.RemoveAll(w => w.Household == "d1s1-007");
        Assert.Equal(11 * 24, withdrawn);
        var (again, none) = analyst.Ask(queries[0], city.Windows, "after");
        Assert.Null(none);
        Assert.Contains(again.Cells, c => c.Key.Area == "aizu/d1/s1" && c.Rule == SuppressionRule.Changed);
        // The worst case: the attacker knows who withdrew, hence every cell that did not change.
        foreach (var cell in again.Cells.Where(c => c.Key.Area is not ("" or "aizu" or "aizu/d1" or "aizu/d1/s1")))
        {
            analyst.Adversary.Same(cell.Key, "after");
        }

        Assert.True(analyst.Primary.Count > 100, $"only {analyst.Primary.Count} primary cells");
        var recovered = analyst.Adversary.Recover();
        Assert.True(analyst.Secondary.Count > 10, $"only {analyst.Secondary.Count} partner cells");
        Assert.True(recovered.Count == 0, $"recovered: {string.Join(", ", recovered.Keys)}");
    }

    [Fact]
    public void WithoutSecondarySuppression_TheSameAdversaryRecoversPrimaryCells()
    {
        var city = City();
        var table = StatisticsRelease.Build(new TableQuery(3, PeriodKind.Day, December1, December11, CityData.Japan), ReleaseRules.Analyst, city.Windows, new Dictionary<CellKey, EarlierRelease>());
        Assert.Contains(table.Cells, c => c.Rule == SuppressionRule.Secondary);

        // Give the secondary cells out as a naive table would (their true values).
        var naive = table with
        {
            Cells = [.. table.Cells.Select(c => c.Rule != SuppressionRule.Secondary ? c
                : c with { Status = CellStatus.Released, Rule = SuppressionRule.None, EnergyWh = city.Truth(c.Key.Area, c.Key.From, c.Key.To, c.Key.Hour).Energy })],
        };
        var adversary = new Adversary();
        adversary.Learn(naive);
        var recovered = adversary.Recover();

        var primary = table.Cells.Where(c => c.Rule is SuppressionRule.MinHouseholds or SuppressionRule.Dominance).ToList();
        Assert.NotEmpty(recovered);
        foreach (var cell in primary.Where(c => recovered.ContainsKey(c.Key.ToString())))
        {
            Assert.Equal((double)city.Truth(cell.Key.Area, cell.Key.From, cell.Key.To).Energy, recovered[cell.Key.ToString()], 3);
        }

        Assert.Contains(primary, c => recovered.ContainsKey(c.Key.ToString()));
    }
}
