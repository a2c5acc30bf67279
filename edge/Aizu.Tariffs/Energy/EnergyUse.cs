namespace Aizu.Tariffs;

/// <summary>
/// Energy over a day or a month as totals: what a <see cref="TariffCalculator"/> prices. Build it from slots
/// (<see cref="TariffCalculator.Summarise"/>) or from the store's totals directly (day/month energy from
/// <c>GetEnergyTotalsAsync</c>; per-period energy from <c>GetEnergyByTariffAsync</c> for time of use).
/// </summary>
/// <param name="ImportKWh">Energy taken from the grid, kWh (for a time-of-use tariff the sum of <paramref name="ImportKWhByPeriod"/> is used instead).</param>
/// <param name="ExportKWh">Energy fed into the grid, kWh.</param>
/// <param name="ImportKWhByPeriod">
/// For a time-of-use tariff, required: imported kWh by period name (names of the tariff's periods; missing
/// ones count as 0). Ignored for the other kinds.
/// </param>
public sealed record EnergyUse(decimal ImportKWh, decimal ExportKWh, IReadOnlyDictionary<string, decimal>? ImportKWhByPeriod = null);
