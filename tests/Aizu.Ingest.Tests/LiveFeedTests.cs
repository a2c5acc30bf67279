using static Aizu.Ingest.Tests.IngestHarness;

namespace Aizu.Ingest.Tests;

public sealed class LiveFeedTests
{
    [Fact]
    public void Latest_keeps_the_newest_timestamp_even_when_backfill_arrives_later()
    {
        var feed = new LiveFeed();

        feed.Publish(Power(Start.AddMinutes(5), 500));
        feed.Publish(Power(Start, 100));

        Assert.True(feed.TryGetLatest(SeriesNames.ElectricPower, out var latest));
        Assert.Equal(500, latest.Value);
        Assert.False(feed.TryGetLatest(SeriesNames.ElectricCurrentR, out _));
    }

    [Fact]
    public void A_slow_subscriber_loses_its_oldest_readings_and_the_drops_are_counted()
    {
        var feed = new LiveFeed();
        using var slow = feed.Subscribe(capacity: 2);
        using var fast = feed.Subscribe();

        for (var i = 0; i < 5; i++)
        {
            feed.Publish(Power(Start.AddSeconds(i), i));
        }

        Assert.True(slow.Reader.TryRead(out var oldestKept));
        Assert.Equal(3, oldestKept.Value);
        Assert.Equal(3, slow.DroppedCount);
        Assert.Equal(3, feed.DroppedCount);
        Assert.Equal(5, fast.Reader.Count);
    }

    [Fact]
    public async Task Disposing_a_subscription_unsubscribes_and_completes_its_reader()
    {
        var feed = new LiveFeed();
        var subscription = feed.Subscribe();
        Assert.Equal(1, feed.SubscriberCount);

        subscription.Dispose();
        feed.Publish(Power(Start, 1));

        Assert.Equal(0, feed.SubscriberCount);
        await subscription.Reader.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Feeds_share_nothing()
    {
        var one = new LiveFeed();
        var other = new LiveFeed();

        one.Publish(Power(Start, 1));

        Assert.False(other.TryGetLatest(SeriesNames.ElectricPower, out _));
    }
}
