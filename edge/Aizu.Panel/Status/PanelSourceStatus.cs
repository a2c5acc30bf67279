using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>One driver in <c>GET /api/status</c>.</summary>
internal sealed record PanelSourceStatus(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("running")] bool Running,
    [property: JsonPropertyName("linkUp")] bool LinkUp,
    [property: JsonPropertyName("lastReadingAt")] DateTimeOffset? LastReadingAt,
    [property: JsonPropertyName("lastError")] string? LastError);
