namespace Aizu.Panel;

/// <summary>An ended alert in the history of <c>GET /api/alerts</c>.</summary>
/// <param name="Alert">The alert as it was last shown.</param>
/// <param name="Reason"><c>Updated</c>, <c>Cancelled</c> or <c>Expired</c>.</param>
/// <param name="Ended">When it ended.</param>
internal sealed record PastAlertItem(AlertItem Alert, string Reason, DateTimeOffset Ended);
