using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>One tier of a tiered tariff in <c>GET /api/settings</c>: kWh of the month from <see cref="FromKWh"/> up to <see cref="UpToKWh"/> (null: no upper end).</summary>
internal sealed record TariffTierItem(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fromKWh")] decimal FromKWh,
    [property: JsonPropertyName("upToKWh")] decimal? UpToKWh,
    [property: JsonPropertyName("pricePerKWh")] decimal PricePerKWh);
