namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/climate</c>.</summary>
internal sealed record ClimateOverview(
    string TimeZone,
    DateTimeOffset From,
    DateTimeOffset To,
    ComfortBands Bands,
    IReadOnlyList<ClimateRoom> Rooms);
