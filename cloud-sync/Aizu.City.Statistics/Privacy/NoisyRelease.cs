namespace Aizu.City.Statistics;

/// <summary>
/// Published statistics with ε-differential privacy: per leaf area and period, the sum of each household's energy
/// clipped to [0, clip] and the household count, each with discrete Laplace noise. One household sits in one leaf (its
/// latest district in the range) and touches at most one cell per period, so the L1 sensitivity is clip × periods for
/// the energies and periods for the counts; ε is split evenly between the two. Parents and totals are left to the
/// reader (sums of noisy cells cost no further budget).
/// </summary>
public static class NoisyRelease
{
    /// <summary>The largest number of decimals ε may have (it becomes the rational scale t / s exactly).</summary>
    public const int EpsilonDecimals = 4;

    /// <summary>Builds the published table of <paramref name="query"/>.</summary>
    public static NoisyTable Build(TableQuery query, IEnumerable<HouseholdWindow> windows, long clipWh, decimal epsilon, DiscreteLaplace noise)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(noise);
        ArgumentOutOfRangeException.ThrowIfLessThan(clipWh, 1);
        if (epsilon <= 0 || decimal.Round(epsilon, EpsilonDecimals) != epsilon)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, $"ε must be positive with at most {EpsilonDecimals} decimals");
        }

        var columns = Column.Of(query);
        var periods = columns.Count - 1;
        var inRange = windows.Select(w => (Window: w, Column: Column.IndexOf(query, w.Start))).Where(x => x.Column >= 0).ToList();
        // One leaf per household: its latest district in the range.
        var district = inRange.GroupBy(x => x.Window.Household, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.Window.Start).Window.District, StringComparer.Ordinal);
        var areas = new AreaTree(query.Level, district.Values);
        var perHousehold = new Dictionary<(int Leaf, int Column, string Household), decimal>();
        foreach (var (window, column) in inRange)
        {
            var key = (areas.Path(district[window.Household])[^1], column, window.Household);
            perHousehold[key] = perHousehold.GetValueOrDefault(key) + window.EnergyWh;
        }

        var scaleDenominator = (long)(epsilon * Pow10(EpsilonDecimals));
        // Scale = sensitivity / (ε / 2) = 2 · sensitivity · 10^k / (ε · 10^k).
        var energyT = checked(2 * clipWh * periods * Pow10(EpsilonDecimals));
        var countT = checked(2L * periods * Pow10(EpsilonDecimals));
        var byCell = perHousehold.GroupBy(p => (p.Key.Leaf, p.Key.Column))
            .ToDictionary(g => g.Key, g => g.Select(p => (long)decimal.Floor(Math.Clamp(p.Value, 0, clipWh))).ToList());
        var cells = new List<NoisyCell>();
        foreach (var leaf in areas.DepthFirst().Where(n => areas.Children(n).Count == 0))
        {
            for (var column = 0; column < periods; column++)
            {
                var contributions = byCell.GetValueOrDefault((leaf, column), []);
                cells.Add(new NoisyCell(
                    new CellKey(areas.Code(leaf), columns[column].From, columns[column].To, columns[column].Hour),
                    columns[column].Label,
                    contributions.Sum() + noise.Sample(energyT, scaleDenominator),
                    contributions.Count + noise.Sample(countT, scaleDenominator)));
            }
        }

        return new NoisyTable(query, epsilon, clipWh, (decimal)energyT / scaleDenominator, (decimal)countT / scaleDenominator, cells);
    }

    private static long Pow10(int exponent) => (long)Math.Pow(10, exponent);
}
