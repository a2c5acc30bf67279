namespace Aizu.Panel;

/// <summary>The body of <c>GET /api/egress</c>: one page of what left the home (and what waits or was dropped), newest first.</summary>
/// <param name="Configured">False when no city connection (<c>Aizu:Uplink</c>) is configured: nothing can leave.</param>
/// <param name="TimeZone">The household's time zone (the date filters are days in it).</param>
/// <param name="Entries">The entries.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next (older) page; null on the last page.</param>
/// <param name="Purposes">Purpose and category pairs that appear in the log, for the filters.</param>
internal sealed record EgressPage(
    bool Configured,
    string TimeZone,
    IReadOnlyList<EgressItem> Entries,
    string? NextBefore,
    IReadOnlyList<EgressPurposeOption> Purposes);
