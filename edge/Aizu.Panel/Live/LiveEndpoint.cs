namespace Aizu.Panel;

/// <summary><c>GET /api/live</c>: the live power and currents as server-sent events.</summary>
internal static class LiveEndpoint
{
    public const string EventType = "reading";

    /// <summary>Browsers reconnect after this when the gateway restarts.</summary>
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(3);

    private static readonly string[] LiveSeries =
    [
        SeriesNames.ElectricPower,
        SeriesNames.ElectricCurrentR,
        SeriesNames.ElectricCurrentT,
    ];

    public static ServerSentEventsResult<LiveReadingEvent> Handle(LiveFeed feed, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(StreamAsync(feed, cancellationToken));

    private static async IAsyncEnumerable<SseItem<LiveReadingEvent>> StreamAsync(
        LiveFeed feed,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribe before reading the latest values, so nothing published in between is missed.
        using var subscription = feed.Subscribe();
        var lastSent = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var first = true;

        foreach (var series in LiveSeries)
        {
            if (feed.TryGetLatest(series, out var latest))
            {
                lastSent[series] = latest.Timestamp;
                yield return Item(latest, ref first);
            }
        }

        await foreach (var reading in subscription.Reader.ReadAllAsync(cancellationToken))
        {
            // Backfilled history and repeats of what was just sent are not "live".
            if (Array.IndexOf(LiveSeries, reading.Series) < 0
                || (lastSent.TryGetValue(reading.Series, out var sent) && reading.Timestamp <= sent))
            {
                continue;
            }

            lastSent[reading.Series] = reading.Timestamp;
            yield return Item(reading, ref first);
        }
    }

    private static SseItem<LiveReadingEvent> Item(Reading reading, ref bool first)
    {
        var item = new SseItem<LiveReadingEvent>(LiveReadingEvent.From(reading), EventType)
        {
            ReconnectionInterval = first ? ReconnectAfter : null,
        };
        first = false;
        return item;
    }
}
