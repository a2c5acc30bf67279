namespace Aizu.City.Statistics;

/// <summary>What the rules need of one cell: households, energy, the largest household's energy and the consents.</summary>
internal sealed record CellSummary(int Households, decimal Energy, decimal Largest, IReadOnlyList<string> Consents)
{
    public static CellSummary Empty { get; } = new(0, 0, 0, []);

    /// <summary>This cell and a disjoint set of households together.</summary>
    public CellSummary Plus(CellSummary other) => new(
        Households + other.Households,
        Energy + other.Energy,
        Math.Max(Largest, other.Largest),
        Consents.Count == 0 || ReferenceEquals(Consents, other.Consents) ? other.Consents
        : other.Consents.Count == 0 ? Consents
        : [.. Consents.Union(other.Consents, StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}
