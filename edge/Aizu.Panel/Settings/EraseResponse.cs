namespace Aizu.Panel;

/// <summary>The body of a successful <c>POST /api/erase</c>: what went, and what was kept on purpose.</summary>
internal sealed record EraseResponse(
    DateTimeOffset ErasedAt,
    int Series,
    long Readings,
    IReadOnlyList<string> Kept);
