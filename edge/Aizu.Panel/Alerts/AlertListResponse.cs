namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/alerts</c>.</summary>
/// <param name="Enabled">False when the gateway has no <c>Aizu:Alerts</c> section (the lists are then empty).</param>
/// <param name="Notice">The supplementary-channel notice.</param>
/// <param name="Current">Alerts for this household now: takeover first, then by level, newest first.</param>
/// <param name="History">Ended alerts that were for this household, newest first.</param>
internal sealed record AlertListResponse(bool Enabled, AlertNotice Notice, IReadOnlyList<AlertItem> Current, IReadOnlyList<PastAlertItem> History);
