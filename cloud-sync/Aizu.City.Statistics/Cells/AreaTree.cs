namespace Aizu.City.Statistics;

/// <summary>
/// The areas of one table: "" (every household of the purpose) at the root, then city, district and sub-district
/// codes down to the query's level. A household whose district stops above that level (or that shared none) sits in
/// its deepest area's remainder, <c>x/*</c> (<c>*</c> under the root), so that every parent is exactly the sum of its
/// children — the remainder is a cell like any other and is judged by the same rules.
/// </summary>
internal sealed class AreaTree
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> codes = [];
    private readonly List<int> parents = [];
    private readonly List<List<int>> children = [];

    public AreaTree(int level, IEnumerable<string?> districts)
    {
        Level = level;
        Add("", -1);
        foreach (var district in districts.Distinct(StringComparer.Ordinal))
        {
            _ = Path(district, create: true);
        }
    }

    public int Level { get; }

    public int Count => codes.Count;

    public string Code(int node) => codes[node];

    public int Parent(int node) => parents[node];

    public IReadOnlyList<int> Children(int node) => children[node];

    /// <summary>Parents before children, siblings in code order.</summary>
    public IEnumerable<int> DepthFirst()
    {
        var stack = new Stack<int>();
        stack.Push(0);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in children[node].OrderByDescending(c => codes[c], StringComparer.Ordinal))
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The nodes a household of <paramref name="district"/> counts in, root first.</summary>
    public IReadOnlyList<int> Path(string? district, bool create = false)
    {
        var levels = string.IsNullOrEmpty(district) ? [] : district.Split('/');
        var path = new List<int> { 0 };
        var depth = Math.Min(levels.Length, Level);
        for (var i = 1; i <= depth; i++)
        {
            path.Add(Node(string.Join('/', levels, 0, i), path[^1], create));
        }

        if (depth < Level)
        {
            var parent = path[^1];
            path.Add(Node(parent == 0 ? "*" : codes[parent] + "/*", parent, create));
        }

        return path;
    }

    /// <summary>True when a household of <paramref name="district"/> belongs to <paramref name="area"/> (any level).</summary>
    public static bool Contains(string area, string? district) =>
        area.Length == 0
        || (area == "*" ? string.IsNullOrEmpty(district)
            : area.EndsWith("/*", StringComparison.Ordinal) ? district == area[..^2]
            : district is not null && (district == area || district.StartsWith(area + "/", StringComparison.Ordinal)));

    private int Node(string code, int parent, bool create)
    {
        if (index.TryGetValue(code, out var node))
        {
            return node;
        }

        if (!create)
        {
            throw new InvalidOperationException($"area {code} is not in this table");
        }

        return Add(code, parent);
    }

    private int Add(string code, int parent)
    {
        var node = codes.Count;
        index[code] = node;
        codes.Add(code);
        parents.Add(parent);
        children.Add([]);
        if (parent >= 0)
        {
            children[parent].Add(node);
        }

        return node;
    }
}
