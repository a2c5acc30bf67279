namespace Aizu.Panel;

/// <summary>
/// <c>GET /api/live/recent</c>: the stored power readings of the last five minutes, so a freshly
/// opened page draws its sparkline at once instead of starting from a single dot.
/// </summary>
internal static class RecentPowerEndpoint
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static async Task<Ok<LiveReadingEvent[]>> HandleAsync(
        IReadingQueries store,
        PanelClock clock,
        CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        // The end is exclusive; one extra second keeps a reading stamped "now" by a fast meter.
        var readings = await store.GetRangeAsync(SeriesNames.ElectricPower, now - Window, now.AddSeconds(1), cancellationToken);
        return TypedResults.Ok(readings.Select(LiveReadingEvent.From).ToArray());
    }
}
