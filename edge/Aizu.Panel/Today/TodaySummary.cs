using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/today</c>. Energies are null when no register value was stored today.</summary>
internal sealed record TodaySummary(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("importKWh")] double? ImportKWh,
    [property: JsonPropertyName("exportKWh")] double? ExportKWh,
    [property: JsonPropertyName("latestPowerW")] double? LatestPowerW,
    [property: JsonPropertyName("latestAt")] DateTimeOffset? LatestAt)
{
    /// <summary>Gas used since local midnight (m³) from an M-Bus gas meter; null when the home has no gas series.</summary>
    [JsonPropertyName("gasM3")]
    public double? GasM3 { get; init; }

    /// <summary>Water used since local midnight (m³) from an M-Bus water meter; null when the home has no water series.</summary>
    [JsonPropertyName("waterM3")]
    public double? WaterM3 { get; init; }
}
