namespace Aizu.Panel;

/// <summary>One room in <c>GET /api/climate</c>; a quantity the room has no sensor for is null.</summary>
internal sealed record ClimateRoom(
    string Room,
    ClimateQuantity? Temperature,
    ClimateQuantity? Humidity,
    ClimateQuantity? Co2,
    ClimateQuantity? Pressure);
