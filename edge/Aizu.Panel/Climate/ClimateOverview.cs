using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/climate</c>.</summary>
internal sealed record ClimateOverview(
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("from")] DateTimeOffset From,
    [property: JsonPropertyName("to")] DateTimeOffset To,
    [property: JsonPropertyName("bands")] ComfortBands Bands,
    [property: JsonPropertyName("rooms")] IReadOnlyList<ClimateRoom> Rooms);
