namespace Aizu.City.Analysis.Tests;

/// <summary>What the analyst host does for one analyst, in memory: earlier answers feed the next table and the guard.</summary>
internal sealed class AnalystHistory
{
    private readonly Dictionary<CellKey, EarlierRelease> earlier = [];

    public Adversary Adversary { get; } = new();

    /// <summary>Cells withheld by a primary rule: each protects a household.</summary>
    public HashSet<string> Primary { get; } = new(StringComparer.Ordinal);

    /// <summary>Cells withheld as partners: safe themselves.</summary>
    public HashSet<string> Secondary { get; } = new(StringComparer.Ordinal);

    public (StatisticsTable Table, string? Refusal) Ask(TableQuery query, IReadOnlyList<HouseholdWindow> windows, string version = "")
    {
        var table = StatisticsRelease.Build(query, ReleaseRules.Analyst, windows, earlier);
        var refusal = table.Refusal ?? DifferencingGuard.Check(table, windows, earlier.Where(e => e.Value.Status == CellStatus.Released).Select(e => e.Key));
        if (refusal is not null)
        {
            return (table, refusal);
        }

        foreach (var cell in table.Cells)
        {
            // The latest answer is what the analyst holds for a key (a changed cell is withheld and the old value stays known).
            if (cell.Status == CellStatus.Released || !earlier.ContainsKey(cell.Key))
            {
                earlier[cell.Key] = new EarlierRelease(cell.Status, cell.EnergyWh, cell.Households);
            }

            if (cell.Rule is SuppressionRule.MinHouseholds or SuppressionRule.Dominance or SuppressionRule.Changed)
            {
                Primary.Add(Adversary.Name(cell.Key, version));
            }
            else if (cell.Rule == SuppressionRule.Secondary)
            {
                Secondary.Add(Adversary.Name(cell.Key, version));
            }
        }

        Adversary.Learn(table, version);
        return (table, null);
    }
}
