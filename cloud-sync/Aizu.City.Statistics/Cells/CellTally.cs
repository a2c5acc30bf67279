namespace Aizu.City.Statistics;

/// <summary>What one cell holds before the rules: energy per household and the consents it rests on.</summary>
internal sealed class CellTally
{
    private readonly Dictionary<string, decimal> byHousehold = new(StringComparer.Ordinal);
    private readonly HashSet<string> consents = new(StringComparer.Ordinal);

    public decimal Energy { get; private set; }

    public int Households => byHousehold.Count;

    public decimal Largest => byHousehold.Count == 0 ? 0 : byHousehold.Values.Max();

    public IReadOnlyList<string> Consents => [.. consents.Order(StringComparer.Ordinal)];

    public CellSummary Summary() => new(Households, Energy, Largest, Consents);

    public void Add(string household, decimal energy, string consent)
    {
        byHousehold[household] = byHousehold.GetValueOrDefault(household) + energy;
        consents.Add(consent);
        Energy += energy;
    }
}
