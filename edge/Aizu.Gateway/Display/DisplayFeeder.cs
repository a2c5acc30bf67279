namespace Aizu.Gateway.Display;

/// <summary>
/// Feeds the on-device display from the live feed, so the display project needs to know nothing
/// about the ingest pipeline (and vice versa).
/// </summary>
internal sealed class DisplayFeeder(LiveFeed feed, DisplayState display) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe();
        await foreach (var reading in subscription.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            display.Offer(reading);
        }
    }
}
