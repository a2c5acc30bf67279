using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/today</c>. Energies are null when no register value was stored today.</summary>
internal sealed record TodaySummary(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("importKWh")] double? ImportKWh,
    [property: JsonPropertyName("exportKWh")] double? ExportKWh,
    [property: JsonPropertyName("latestPowerW")] double? LatestPowerW,
    [property: JsonPropertyName("latestAt")] DateTimeOffset? LatestAt);
