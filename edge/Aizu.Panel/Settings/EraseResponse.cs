using System.Text.Json.Serialization;

namespace Aizu.Panel;

/// <summary>The body of a successful <c>POST /api/erase</c>: what went, and what was kept on purpose.</summary>
internal sealed record EraseResponse(
    [property: JsonPropertyName("erasedAt")] DateTimeOffset ErasedAt,
    [property: JsonPropertyName("series")] int Series,
    [property: JsonPropertyName("readings")] long Readings,
    [property: JsonPropertyName("kept")] IReadOnlyList<string> Kept);
