namespace Aizu.City.Statistics;

/// <summary>
/// Refuses a table whose released cells, next to cells released to the same analyst before, would isolate a few
/// households by differencing: for two released cells of the same area and hours whose day ranges overlap but differ
/// (e.g. 1–10 and 1–11 December), each part of the one not covered by the other (here 11 December) is itself judged by
/// the primary rules; one that fails is what the difference would reveal.
/// </summary>
/// <remarks>
/// This covers every pair of ranges. A part made of days that were each released is safe by construction (a union of
/// cells that pass k and dominance passes both), so only the parts that were never released can fail. Combinations of
/// three or more ranges with different ends are not searched (docs/city.md, "What the rules do not cover").
/// </remarks>
public static class DifferencingGuard
{
    /// <summary>Null when <paramref name="table"/> may be given after <paramref name="earlier"/>, else the reason.</summary>
    public static string? Check(StatisticsTable table, IEnumerable<HouseholdWindow> windows, IEnumerable<CellKey> earlier)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(earlier);
        var bySeries = earlier.GroupBy(k => (k.Area, k.Hour)).ToDictionary(g => g.Key, g => g.ToList());
        var all = windows as IReadOnlyCollection<HouseholdWindow> ?? [.. windows];
        var byArea = new Dictionary<string, List<(DateOnly Day, int Hour, HouseholdWindow Window)>>(StringComparer.Ordinal);
        foreach (var cell in table.Cells.Where(c => c.Status == CellStatus.Released))
        {
            if (!bySeries.TryGetValue((cell.Key.Area, cell.Key.Hour), out var before))
            {
                continue;
            }

            foreach (var old in before)
            {
                if (old == cell.Key || old.To <= cell.Key.From || cell.Key.To <= old.From)
                {
                    continue;
                }

                foreach (var (outer, inner) in new[] { (cell.Key, old), (old, cell.Key) })
                {
                    var part = Outside(outer, inner);
                    if (part.Count == 0)
                    {
                        continue;
                    }

                    if (!byArea.TryGetValue(cell.Key.Area, out var inArea))
                    {
                        inArea = [.. all.Where(w => AreaTree.Contains(cell.Key.Area, w.District))
                            .Select(w => (Local(table.Query, w.Start), w))
                            .Select(x => (DateOnly.FromDateTime(x.Item1.DateTime), x.Item1.Hour, x.w))];
                        byArea[cell.Key.Area] = inArea;
                    }

                    var byHousehold = inArea
                        .Where(x => part.Any(p => x.Day >= p.From && x.Day < p.To) && (cell.Key.Hour is not { } h || x.Hour == h))
                        .GroupBy(x => x.Window.Household, StringComparer.Ordinal)
                        .Select(g => g.Sum(x => x.Window.EnergyWh))
                        .ToList();
                    var verdict = table.Rules.Judge(byHousehold.Count, byHousehold.Sum(), byHousehold.DefaultIfEmpty(0).Max());
                    if (verdict != SuppressionRule.None)
                    {
                        return string.Create(CultureInfo.InvariantCulture,
                            $"differencing: {Describe(cell.Key)} next to {Describe(old)} you were given before would reveal {string.Join(" + ", part.Select(p => $"{p.From:yyyy-MM-dd}..{p.To.AddDays(-1):yyyy-MM-dd}"))} of {(cell.Key.Area.Length == 0 ? "(all)" : cell.Key.Area)}, which fails the {(verdict == SuppressionRule.MinHouseholds ? "minimum-households" : "dominance")} rule");
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when a released cell of <paramref name="table"/> overlaps a different range of the same series
    /// in <paramref name="earlier"/>: only then does <see cref="Check"/> look at the windows.</summary>
    public static bool Needed(StatisticsTable table, IEnumerable<CellKey> earlier)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(earlier);
        var series = earlier.GroupBy(k => (k.Area, k.Hour)).ToDictionary(g => g.Key, g => g.ToList());
        return table.Cells.Any(c => c.Status == CellStatus.Released && series.TryGetValue((c.Key.Area, c.Key.Hour), out var before)
            && before.Any(old => old != c.Key && old.To > c.Key.From && c.Key.To > old.From));
    }

    private static DateTimeOffset Local(TableQuery query, DateTimeOffset start) => start.ToOffset(query.UtcOffset);

    // The days of outer not in inner: up to two pieces.
    private static List<(DateOnly From, DateOnly To)> Outside(CellKey outer, CellKey inner)
    {
        var pieces = new List<(DateOnly, DateOnly)>();
        if (outer.From < inner.From)
        {
            pieces.Add((outer.From, inner.From < outer.To ? inner.From : outer.To));
        }

        if (inner.To < outer.To)
        {
            pieces.Add((inner.To > outer.From ? inner.To : outer.From, outer.To));
        }

        return pieces;
    }

    private static string Describe(CellKey key) =>
        string.Create(CultureInfo.InvariantCulture, $"{key.From:yyyy-MM-dd}..{key.To.AddDays(-1):yyyy-MM-dd}{(key.Hour is { } h ? $" hour {h:00}" : "")}");
}
