using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>One period of a time-of-use tariff in <c>GET /api/settings</c>; <see cref="Days"/> null means every day.</summary>
internal sealed record TariffPeriodItem(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("days")] IReadOnlyList<string>? Days,
    [property: JsonPropertyName("pricePerKWh")] decimal PricePerKWh);
