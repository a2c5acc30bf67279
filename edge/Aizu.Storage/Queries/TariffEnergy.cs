namespace Aizu.Storage;

/// <summary>Energy counted in one tariff period.</summary>
/// <param name="Period">The period's name.</param>
/// <param name="Energy">Energy in the series' unit (kWh); 0 when nothing was counted.</param>
public sealed record TariffEnergy(string Period, double Energy);
