namespace Aizu.Tariffs;

/// <summary>One tier of a tiered tariff: the kWh of a calendar month from the previous tier's end up to <see cref="UpToKWh"/>.</summary>
/// <param name="Name">Name shown to the household.</param>
/// <param name="FromKWh">Where the tier starts (the previous tier's end; 0 for the first).</param>
/// <param name="UpToKWh">Where it ends; null for the last tier.</param>
/// <param name="PricePerKWh">Price per kWh within the tier.</param>
public sealed record PriceTier(string Name, decimal FromKWh, decimal? UpToKWh, decimal PricePerKWh);
