namespace Aizu.Panel;

/// <summary>One period of a time-of-use tariff in <c>GET /api/settings</c>; <see cref="Days"/> null means every day.</summary>
internal sealed record TariffPeriodItem(
    string Name,
    string Start,
    string End,
    IReadOnlyList<string>? Days,
    decimal PricePerKWh);
