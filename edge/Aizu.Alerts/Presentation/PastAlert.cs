namespace Aizu.Alerts;

/// <summary>An alert that was shown and has ended, for the panel's history.</summary>
/// <param name="View">The alert as it was last shown.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="Ended">When it ended.</param>
public sealed record PastAlert(AlertView View, AlertEndReason Reason, DateTimeOffset Ended);
