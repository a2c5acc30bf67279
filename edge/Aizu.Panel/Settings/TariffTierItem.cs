namespace Aizu.Panel;

/// <summary>One tier of a tiered tariff in <c>GET /api/settings</c>: kWh of the month from <see cref="FromKWh"/> up to <see cref="UpToKWh"/> (null: no upper end).</summary>
internal sealed record TariffTierItem(
    string Name,
    decimal FromKWh,
    decimal? UpToKWh,
    decimal PricePerKWh);
