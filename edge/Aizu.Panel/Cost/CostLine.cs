namespace Aizu.Panel;

/// <summary>One line of a cost breakdown. <see cref="Kind"/> is energy, basic, fuel, renewable or export.</summary>
public sealed record CostLine(string Kind, string Name, decimal? KWh, decimal? PricePerKWh, decimal Amount);
