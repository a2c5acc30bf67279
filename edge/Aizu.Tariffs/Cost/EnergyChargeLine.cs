namespace Aizu.Tariffs;

/// <summary>One line of the energy charge: a tier, a time-of-use period, or the single line of a flat tariff.</summary>
/// <param name="Name">The tier's or period's name (<see cref="Tariff.FlatLineName"/> for a flat tariff).</param>
/// <param name="KWh">Imported energy priced on this line.</param>
/// <param name="PricePerKWh">Its price per kWh.</param>
/// <param name="Amount"><paramref name="KWh"/> × <paramref name="PricePerKWh"/>, unrounded.</param>
public sealed record EnergyChargeLine(string Name, decimal KWh, decimal PricePerKWh, decimal Amount);
