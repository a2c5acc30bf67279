namespace Aizu.City.Analysis.Tests;

/// <summary>
/// An analyst who keeps everything released to them and tries to compute every suppressed cell: the tables'
/// additivities (a parent is the sum of its children in every column, a total the sum of its periods), cells shared
/// by tables (the same area and days in two queries, so overlapping ranges meet through their common days and
/// totals), and non-negativity (withheld cells adding up to zero are all zero). Gaussian elimination in floating
/// point, written independently of the library's own check.
/// </summary>
internal sealed class Adversary
{
    private readonly Dictionary<string, int> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<int, double> known = [];
    private readonly List<Dictionary<int, double>> equations = [];

    public IReadOnlyCollection<string> Variables => variables.Keys;

    /// <summary>Takes in a table. Tables of one <paramref name="version"/> of the data share cells; after a withdrawal the
    /// data are another version, and only <see cref="Same"/> says which cells did not change.</summary>
    public void Learn(StatisticsTable table, string version = "")
    {
        int Variable(CellKey key) => this.Variable(key, version);

        foreach (var cell in table.Cells.Where(c => c.Status == CellStatus.Released))
        {
            known[Variable(cell.Key)] = (double)cell.EnergyWh!.Value;
        }

        var areas = table.Cells.Select(c => c.Key.Area).Distinct().ToHashSet(StringComparer.Ordinal);
        foreach (var column in table.Cells.GroupBy(c => c.Period))
        {
            var byArea = column.ToDictionary(c => c.Key.Area, c => c.Key, StringComparer.Ordinal);
            foreach (var parent in areas)
            {
                var children = areas.Where(a => ParentOf(a) == parent).ToList();
                if (children.Count > 0)
                {
                    var equation = new Dictionary<int, double> { [Variable(byArea[parent])] = 1 };
                    children.ForEach(c => equation[Variable(byArea[c])] = -1);
                    equations.Add(equation);
                }
            }
        }

        foreach (var area in table.Cells.GroupBy(c => c.Key.Area))
        {
            var total = area.Single(c => c.Period == "total");
            var equation = new Dictionary<int, double> { [Variable(total.Key)] = 1 };
            foreach (var period in area.Where(c => c.Period != "total"))
            {
                // A month column over the whole range is the total itself: x − x says nothing.
                equation[Variable(period.Key)] = equation.GetValueOrDefault(Variable(period.Key)) - 1;
            }

            equations.Add(equation.Where(t => t.Value != 0).ToDictionary());
        }
    }

    /// <summary>Every withheld cell the attacker can pin down, with the value found.</summary>
    public Dictionary<string, double> Recover()
    {
        var names = variables.ToDictionary(v => v.Value, v => v.Key);
        var recovered = new Dictionary<int, double>(known);
        for (var progress = true; progress;)
        {
            progress = false;
            var unknown = variables.Values.Where(v => !recovered.ContainsKey(v)).ToList();
            var column = unknown.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i);
            var rows = new List<double[]>();
            foreach (var equation in equations)
            {
                var row = new double[unknown.Count + 1];
                var any = false;
                foreach (var (variable, coefficient) in equation)
                {
                    if (recovered.TryGetValue(variable, out var value))
                    {
                        row[^1] -= coefficient * value;
                    }
                    else
                    {
                        row[column[variable]] += coefficient;
                        any = true;
                    }
                }

                if (any)
                {
                    rows.Add(row);
                }
            }

            // Non-negativity: unknowns of one sign summing to zero are all zero.
            foreach (var row in rows)
            {
                var terms = Enumerable.Range(0, unknown.Count).Where(i => Math.Abs(row[i]) > 1e-9).ToList();
                if (Math.Abs(row[^1]) < 1e-6 && (terms.All(i => row[i] > 0) || terms.All(i => row[i] < 0)))
                {
                    terms.ForEach(i => recovered[unknown[i]] = 0);
                    progress = true;
                }
            }

            if (progress)
            {
                continue;
            }

            foreach (var (variable, value) in Solve(rows, unknown.Count))
            {
                recovered[unknown[variable]] = value;
                progress = true;
            }
        }

        return recovered.Where(r => !known.ContainsKey(r.Key)).ToDictionary(r => names[r.Key], r => r.Value, StringComparer.Ordinal);
    }

    // Reduced row echelon form with partial pivoting; a variable is pinned when its pivot row has no other entry.
    private static IEnumerable<(int Variable, double Value)> Solve(List<double[]> rows, int width)
    {
        var pivots = new List<(int Row, int Column)>();
        var next = 0;
        for (var column = 0; column < width && next < rows.Count; column++)
        {
            var best = Enumerable.Range(next, rows.Count - next).MaxBy(r => Math.Abs(rows[r][column]));
            if (Math.Abs(rows[best][column]) < 1e-9)
            {
                continue;
            }

            (rows[next], rows[best]) = (rows[best], rows[next]);
            var pivot = rows[next][column];
            for (var j = 0; j <= width; j++)
            {
                rows[next][j] /= pivot;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var factor = rows[r][column];
                if (r != next && Math.Abs(factor) > 1e-12)
                {
                    for (var j = 0; j <= width; j++)
                    {
                        rows[r][j] -= factor * rows[next][j];
                    }
                }
            }

            pivots.Add((next, column));
            next++;
        }

        foreach (var (row, column) in pivots)
        {
            if (Enumerable.Range(0, width).All(j => j == column || Math.Abs(rows[row][j]) < 1e-9))
            {
                yield return (column, rows[row][^1]);
            }
        }
    }

    private static string ParentOf(string area) =>
        area.Length == 0 ? "\0none" : area.LastIndexOf('/') is var slash and >= 0 ? area[..slash] : "";

    /// <summary>The attacker knows <paramref name="key"/> did not change between the data and its <paramref name="version"/>.</summary>
    public void Same(CellKey key, string version) => equations.Add(new() { [Variable(key, "")] = 1, [Variable(key, version)] = -1 });

    public static string Name(CellKey key, string version = "") => version.Length == 0 ? key.ToString() : $"{key}@{version}";

    private int Variable(CellKey key, string version)
    {
        var name = Name(key, version);
        if (!variables.TryGetValue(name, out var id))
        {
            id = variables.Count;
            variables[name] = id;
        }

        return id;
    }
}
