namespace Aizu.Panel;

/// <summary>One driver in <c>GET /api/status</c>.</summary>
internal sealed record PanelSourceStatus(
    string Name,
    bool Running,
    bool LinkUp,
    DateTimeOffset? LastReadingAt,
    string? LastError);
