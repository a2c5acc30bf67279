using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>One room in <c>GET /api/climate</c>; a quantity the room has no sensor for is null.</summary>
internal sealed record ClimateRoom(
    [property: JsonPropertyName("room")] string Room,
    [property: JsonPropertyName("temperature")] ClimateQuantity? Temperature,
    [property: JsonPropertyName("humidity")] ClimateQuantity? Humidity,
    [property: JsonPropertyName("co2")] ClimateQuantity? Co2,
    [property: JsonPropertyName("pressure")] ClimateQuantity? Pressure);
