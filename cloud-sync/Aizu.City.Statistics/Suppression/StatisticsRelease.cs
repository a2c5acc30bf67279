namespace Aizu.City.Statistics;

/// <summary>
/// Builds a table and decides every cell: the primary rules first (fewer than k households, one household above the
/// dominance share, or changed since this analyst saw it), then secondary suppression until no primary cell can be
/// computed from what is released. See docs/city.md, "The release rules".
/// </summary>
/// <remarks>
/// Secondary suppression works on the table's additivities: each parent area equals the sum of its children (the
/// remainder included) in every column, and each area's total equals the sum of its periods. First, in every such
/// equation with exactly one withheld cell (which is then trivially computable), the smallest released cell that may
/// still be withheld is withheld too — a part before the sum, so parents and totals stay released where possible. Then
/// an exact check (<see cref="Determinacy"/>) finds primary cells still determined by combinations of equations (a
/// hierarchy can chain them), and each gets a further partner in its least-covered equation, until none is
/// determined. Cells this analyst was given before cannot be partners (they are known), and cells withheld from this
/// analyst before stay withheld.
/// </remarks>
public static class StatisticsRelease
{
    /// <summary>Builds the table of <paramref name="query"/> over <paramref name="windows"/>.</summary>
    /// <param name="query">Level, period and range.</param>
    /// <param name="rules">The purpose's primary rules.</param>
    /// <param name="windows">The purpose's stored windows (any range; those outside are ignored).</param>
    /// <param name="earlier">What this analyst was given before, by cell key (empty for a first query).</param>
    public static StatisticsTable Build(TableQuery query, ReleaseRules rules, IEnumerable<HouseholdWindow> windows, IReadOnlyDictionary<CellKey, EarlierRelease> earlier)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(earlier);
        if (Refused(query, rules) is { } refused)
        {
            return refused;
        }

        var columns = Column.Of(query);
        var inRange = new List<(HouseholdWindow Window, int Column)>();
        foreach (var window in windows)
        {
            var column = Column.IndexOf(query, window.Start);
            if (column >= 0)
            {
                inRange.Add((window, column));
            }
        }

        var areas = new AreaTree(query.Level, inRange.Select(w => w.Window.District));
        var width = columns.Count;
        var total = width - 1;
        var tallies = new CellTally[areas.Count * width];
        for (var i = 0; i < tallies.Length; i++)
        {
            tallies[i] = new CellTally();
        }

        var paths = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var (window, column) in inRange)
        {
            var district = window.District ?? "";
            if (!paths.TryGetValue(district, out var path))
            {
                path = areas.Path(window.District);
                paths[district] = path;
            }

            foreach (var node in path)
            {
                tallies[(node * width) + column].Add(window.Household, window.EnergyWh, window.Consent);
                tallies[(node * width) + total].Add(window.Household, window.EnergyWh, window.Consent);
            }
        }

        return Decide(query, rules, columns, areas, [.. tallies.Select(t => t.Summary())], earlier);
    }

    /// <summary>Builds the table of <paramref name="query"/> from per-district summaries.</summary>
    /// <param name="query">Level, period and range.</param>
    /// <param name="rules">The purpose's primary rules.</param>
    /// <param name="districts">Per district and column (and the whole range) of the query. Each household must lie
    /// in one district only within the range: a parent's largest household is then its children's largest.</param>
    /// <param name="earlier">What this analyst was given before, by cell key (empty for a first query).</param>
    public static StatisticsTable Build(TableQuery query, ReleaseRules rules, IReadOnlyList<DistrictCell> districts, IReadOnlyDictionary<CellKey, EarlierRelease> earlier)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(earlier);
        if (Refused(query, rules) is { } refused)
        {
            return refused;
        }

        var columns = Column.Of(query);
        var width = columns.Count;
        var areas = new AreaTree(query.Level, districts.Select(d => d.District));
        var summaries = new CellSummary[areas.Count * width];
        Array.Fill(summaries, CellSummary.Empty);

        // The whole-range cell's references first: a period cell without its own list shares that one.
        var ranges = districts.Where(d => d.Column is null).ToDictionary(d => d.District ?? "", d => d.Consents ?? [], StringComparer.Ordinal);

        // A district's leaf and range list once, not once per column (a year by day is 366 cells a district), and
        // not even looked up again while the rows stay in one district (they come district by district).
        var leaves = new Dictionary<string, (int Leaf, IReadOnlyList<string> Range)>(StringComparer.Ordinal);
        (string? Name, int Leaf, IReadOnlyList<string> Range) last = (null, -1, []);
        foreach (var district in districts)
        {
            var name = district.District ?? "";
            if (!string.Equals(name, last.Name, StringComparison.Ordinal))
            {
                if (!leaves.TryGetValue(name, out var found))
                {
                    found = leaves[name] = (areas.Path(district.District)[^1], ranges.GetValueOrDefault(name) ?? []);
                }

                last = (name, found.Leaf, found.Range);
            }

            var leaf = last.Leaf;

            var column = district.Column ?? width - 1;
            if (column < 0 || column >= width)
            {
                continue;
            }

            var consents = district.Consents ?? last.Range;
            var summary = new CellSummary(district.Households, district.EnergyWh, Math.Max(0m, district.LargestWh), consents);

            // The usual case, one row per district and column: nothing to add to (Empty plus a summary is that summary;
            // the largest is at least Empty's 0 either way).
            ref var slot = ref summaries[(leaf * width) + column];
            slot = ReferenceEquals(slot, CellSummary.Empty) ? summary : slot.Plus(summary);
        }

        // Parents from their children, deepest first; a parent cell whose children all share their range lists shares
        // the parent's range list.
        var nodes = areas.DepthFirst().ToList();
        for (var i = nodes.Count - 1; i >= 0; i--)
        {
            var node = nodes[i];
            var children = areas.Children(node);
            if (children.Count == 0)
            {
                continue;
            }

            // An only child's list is already sorted and distinct.
            var range = children.Count == 1 ? summaries[(children[0] * width) + width - 1].Consents : Union(children.Select(c => summaries[(c * width) + width - 1].Consents));
            for (var column = 0; column < width; column++)
            {
                var (households, energy, largest, shared) = (0, 0m, 0m, true);
                foreach (var child in children)
                {
                    var part = summaries[(child * width) + column];
                    (households, energy, largest) = (households + part.Households, energy + part.Energy, Math.Max(largest, part.Largest));
                    shared &= ReferenceEquals(part.Consents, summaries[(child * width) + width - 1].Consents);
                }

                var consents = shared || column == width - 1 ? range : Union(children.Select(c => summaries[(c * width) + column].Consents));
                summaries[(node * width) + column] = new CellSummary(households, energy, largest, consents);
            }
        }

        return Decide(query, rules, columns, areas, summaries, earlier);
    }

    // A query or rules problem is an empty table that says what is wrong, whichever the source.
    private static StatisticsTable? Refused(TableQuery query, ReleaseRules rules)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rules);
        return (query.Problem() ?? rules.Problem()) is { } problem ? new StatisticsTable(query, rules, [], problem) : null;
    }

    private static IReadOnlyList<string> Union(IEnumerable<IReadOnlyList<string>> lists) =>
        [.. lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static StatisticsTable Decide(TableQuery query, ReleaseRules rules, IReadOnlyList<Column> columns, AreaTree areas, CellSummary[] tallies, IReadOnlyDictionary<CellKey, EarlierRelease> earlier)
    {
        var width = columns.Count;
        CellKey KeyOf(int cell) => new(areas.Code(cell / width), columns[cell % width].From, columns[cell % width].To, columns[cell % width].Hour);

        var rule = new SuppressionRule[tallies.Length];
        var known = new bool[tallies.Length];
        for (var cell = 0; cell < tallies.Length; cell++)
        {
            var tally = tallies[cell];
            rule[cell] = rules.Judge(tally.Households, tally.Energy, tally.Largest);
            if (rule[cell] == SuppressionRule.None && earlier.TryGetValue(KeyOf(cell), out var before))
            {
                if (before.Status == CellStatus.Suppressed)
                {
                    rule[cell] = SuppressionRule.EarlierSuppressed;
                }
                else if (before.EnergyWh != tally.Energy || before.Households != tally.Households)
                {
                    rule[cell] = SuppressionRule.Changed;
                }
                else
                {
                    known[cell] = true;
                }
            }
        }

        var equations = Equations(areas, width);
        var (withEarlier, virtualCells) = EarlierRanges(equations, areas, columns, earlier, rule, tallies.Length);
        var all = tallies;
        if (virtualCells > 0)
        {
            rule = [.. rule, .. new SuppressionRule[virtualCells]];
            known = [.. known, .. Enumerable.Repeat(true, virtualCells)];
            all = [.. tallies, .. Enumerable.Repeat(CellSummary.Empty, virtualCells)];
        }

        var refusal = Protect(withEarlier, rule, known, all);
        var cells = new List<StatisticsCell>(tallies.Length);
        foreach (var node in areas.DepthFirst())
        {
            for (var column = 0; column < width; column++)
            {
                var cell = (node * width) + column;
                var tally = tallies[cell];
                cells.Add(rule[cell] == SuppressionRule.None
                    ? new StatisticsCell(KeyOf(cell), columns[column].Label, CellStatus.Released, SuppressionRule.None, tally.Energy, tally.Households, tally.Consents)
                    : new StatisticsCell(KeyOf(cell), columns[column].Label, CellStatus.Suppressed, rule[cell], null, null, []));
            }
        }

        return new StatisticsTable(query, rules, cells, refusal);
    }

    // A range released to this analyst before that lies inside this table's range on column boundaries ties this
    // table's total to it: total = earlier + the columns outside it. That is the difference of two overlapping ranges,
    // and with it in the system the partners are chosen so that it reveals no withheld cell. The earlier number is a
    // cell of its own here (index from firstVirtual on), always known. An area with a changed cell (a withdrawal since)
    // is left out: its earlier numbers are no longer these data's.
    private static (List<LinearEquation> Equations, int Virtual) EarlierRanges(List<LinearEquation> equations, AreaTree areas, IReadOnlyList<Column> columns, IReadOnlyDictionary<CellKey, EarlierRelease> earlier, SuppressionRule[] rule, int firstVirtual)
    {
        var width = columns.Count;
        var total = columns[^1];
        var all = new List<LinearEquation>(equations);
        var next = firstVirtual;
        var byArea = earlier.Where(e => e.Value.Status == CellStatus.Released && e.Key.Hour is null && e.Key.From >= total.From && e.Key.To <= total.To && (e.Key.From, e.Key.To) != (total.From, total.To))
            .GroupBy(e => e.Key.Area, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Key).ToList(), StringComparer.Ordinal);
        for (var node = 0; node < areas.Count; node++)
        {
            if (!byArea.TryGetValue(areas.Code(node), out var ranges) || Enumerable.Range(node * width, width).Any(c => rule[c] == SuppressionRule.Changed))
            {
                continue;
            }

            foreach (var range in ranges)
            {
                var outside = Enumerable.Range(0, width - 1).Where(c => columns[c].Hour is null && (columns[c].To <= range.From || columns[c].From >= range.To)).ToList();
                var inside = Enumerable.Range(0, width - 1).Where(c => columns[c].From >= range.From && columns[c].To <= range.To).Count();
                if (columns[0].Hour is not null || outside.Count + inside != width - 1)
                {
                    continue;
                }

                all.Add(new LinearEquation((node * width) + width - 1, [next++, .. outside.Select(c => (node * width) + c)]));
            }
        }

        return (all, next - firstVirtual);
    }

    private static List<LinearEquation> Equations(AreaTree areas, int width)
    {
        var equations = new List<LinearEquation>();
        for (var node = 0; node < areas.Count; node++)
        {
            var children = areas.Children(node);
            if (children.Count > 0)
            {
                for (var column = 0; column < width; column++)
                {
                    equations.Add(new LinearEquation((node * width) + column, [.. children.Select(c => (c * width) + column)]));
                }
            }

            equations.Add(new LinearEquation((node * width) + width - 1, [.. Enumerable.Range(node * width, width - 1)]));
        }

        return equations;
    }

    // The partner in the exposed cell's least-covered equation; when all of those are known, the nearest one through
    // the withheld cells it is linked with (breadth first), which adds a degree of freedom to its component.
    private static int NearestPartner(int exposed, Dictionary<int, List<LinearEquation>> byCell, Func<int, bool> withheld, Func<LinearEquation, int> partner, CellSummary[] tallies)
    {
        var seen = new HashSet<int> { exposed };
        var frontier = new List<int> { exposed };
        while (frontier.Count > 0)
        {
            var equations = frontier.SelectMany(c => byCell.GetValueOrDefault(c, [])).Distinct().ToList();
            var best = equations
                .Select(e => (Partner: partner(e), Withheld: e.Cells.Count(withheld)))
                .Where(x => x.Partner >= 0)
                .OrderBy(x => x.Withheld).ThenBy(x => tallies[x.Partner].Energy).ThenBy(x => x.Partner)
                .Select(x => x.Partner)
                .DefaultIfEmpty(-1).First();
            if (best >= 0)
            {
                return best;
            }

            frontier = [.. equations.SelectMany(e => e.Cells).Where(c => withheld(c) && seen.Add(c))];
        }

        return -1;
    }

    private static Dictionary<int, List<LinearEquation>> ByCell(List<LinearEquation> equations)
    {
        var byCell = new Dictionary<int, List<LinearEquation>>();
        foreach (var equation in equations)
        {
            foreach (var cell in equation.Cells)
            {
                (byCell.TryGetValue(cell, out var list) ? list : byCell[cell] = []).Add(equation);
            }
        }

        return byCell;
    }

    // The equation's one withheld cell (its sum first, then its parts in order), or -1 when it has none or several.
    private static int SingleWithheld(LinearEquation equation, SuppressionRule[] rule)
    {
        var single = rule[equation.Sum] != SuppressionRule.None ? equation.Sum : -1;
        var parts = equation.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            if (rule[parts[i]] != SuppressionRule.None)
            {
                if (single >= 0)
                {
                    return -1;
                }

                single = parts[i];
            }
        }

        return single;
    }

    // Every withheld cell is kept uncomputable, partners too: "suppressed" then means unknown, not merely "safe if known".
    private static bool MustStayUnknown(SuppressionRule rule) => rule != SuppressionRule.None;

    // Returns null when every primary cell is protected, else why the table cannot be given.
    private static string? Protect(List<LinearEquation> equations, SuppressionRule[] rule, bool[] known, CellSummary[] tallies)
    {
        bool Withheld(int cell) => rule[cell] != SuppressionRule.None;

        // A partner: released, not given before, not empty (an empty cell protects nothing), the smallest part first.
        int Partner(LinearEquation equation) => equation.Cells
            .Where(c => !Withheld(c) && !known[c] && tallies[c].Households > 0)
            .OrderBy(c => c == equation.Sum ? 1 : 0).ThenBy(c => tallies[c].Energy).ThenBy(c => c)
            .DefaultIfEmpty(-1).First();

        // 1. Single withheld cell in an equation: trivially computable.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var equation in equations)
            {
                // The only withheld cell of the equation, or -1 (none or several); a loop, not a query: a year by day
                // has some 800 equations over 38 000 cells, visited once more after every change.
                var single = SingleWithheld(equation, rule);
                if (single >= 0 && MustStayUnknown(rule[single]))
                {
                    var partner = Partner(equation);
                    if (partner >= 0)
                    {
                        rule[partner] = SuppressionRule.Secondary;
                        changed = true;
                    }
                }
            }
        }

        // 2. Exact: combinations of equations. The equations by cell only when a partner must be searched for.
        Dictionary<int, List<LinearEquation>>? byCell = null;
        while (true)
        {
            var withheld = Enumerable.Range(0, rule.Length).Where(Withheld).ToHashSet();
            var exposed = Determinacy.Determined(equations, withheld).Where(c => MustStayUnknown(rule[c])).Order().ToList();
            if (exposed.Count == 0)
            {
                return null;
            }

            byCell ??= ByCell(equations);

            var added = false;
            foreach (var cell in exposed)
            {
                var partner = NearestPartner(cell, byCell, Withheld, Partner, tallies);
                if (partner >= 0 && !Withheld(partner))
                {
                    rule[partner] = SuppressionRule.Secondary;
                    added = true;
                }
            }

            if (!added)
            {
                return "no safe table: a withheld cell could be computed from cells you were given before; ask for another range or level";
            }
        }
    }
}
