using static Aizu.Ingest.Tests.IngestHarness;

namespace Aizu.Ingest.Tests;

public sealed class IngestServiceTests
{
    [Fact]
    public async Task Readings_are_stored_then_published_to_the_live_feed()
    {
        await using var harness = new IngestHarness();
        using var subscription = harness.Feed.Subscribe();
        await harness.StartAsync();

        await harness.Channel.Writer.WriteAsync(Power(Start, 480));
        await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(3), 532));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 2, "two readings stored");

        Assert.Equal(2, await harness.Store.CountAsync(CancellationToken.None));
        Assert.True(harness.Feed.TryGetLatest(SeriesNames.ElectricPower, out var latest));
        Assert.Equal(532, latest.Value);
        Assert.True(subscription.Reader.TryRead(out var first));
        Assert.Equal(480, first.Value);
        Assert.Equal(harness.Time.GetUtcNow(), harness.Statistics.LastReadingAt!.Value, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_first_stored_batch_is_stamped_once()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        Assert.Null(harness.Statistics.FirstStoredAt);

        await harness.Channel.Writer.WriteAsync(Power(Start, 480));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 1, "the first reading stored");
        var first = harness.Statistics.FirstStoredAt;
        Assert.NotNull(first);
        Assert.InRange(first.Value, Start, harness.Time.GetUtcNow());

        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(5), 532));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 2, "the second reading stored");
        Assert.Equal(first, harness.Statistics.FirstStoredAt);
    }

    [Fact]
    public async Task A_full_batch_is_stored_without_waiting_for_the_window()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        for (var i = 0; i < IngestService.MaxBatchSize + 44; i++)
        {
            await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(i), i));
        }

        // No fake time passes: only the size limit can close the first batch.
        await Eventually.TrueAsync(() => harness.Statistics.Stored == IngestService.MaxBatchSize, what: "a full batch stored");
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == IngestService.MaxBatchSize + 44, "the rest stored");
    }

    [Fact]
    public async Task Readings_from_an_unset_clock_are_counted_logged_once_and_never_stored()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var bootTime = new DateTimeOffset(1970, 1, 1, 0, 0, 42, TimeSpan.Zero);

        await harness.Channel.Writer.WriteAsync(Power(bootTime, 1));
        await harness.Channel.Writer.WriteAsync(Power(bootTime.AddSeconds(5), 2));
        await harness.Channel.Writer.WriteAsync(Power(Start, 3));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 1, "the good reading stored");

        Assert.Equal(2, harness.Statistics.RejectedClock);
        Assert.Equal(1, await harness.Store.CountAsync(CancellationToken.None));
        var logged = Assert.Single(harness.Logger.Entries, e => e.Message.Contains("System clock is not set", StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, logged.Level);
        Assert.Equal(1, harness.Logger.Count(2001));
    }

    [Fact]
    public async Task Readings_more_than_ten_minutes_ahead_are_refused_and_nine_minutes_ahead_accepted()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        await harness.Channel.Writer.WriteAsync(Power(Start.AddMinutes(11), 1));
        await harness.Channel.Writer.WriteAsync(Power(Start.AddMinutes(9), 2));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 1, "the near-future reading stored");

        Assert.Equal(1, harness.Statistics.RejectedFuture);
        Assert.Equal(2, (await harness.Store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None))?.Value);
    }

    [Fact]
    public async Task Non_finite_values_are_counted_as_invalid()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        await harness.Channel.Writer.WriteAsync(Power(Start, double.NaN));
        await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(1), 5));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 1, "the valid reading stored");

        Assert.Equal(1, harness.Statistics.RejectedInvalid);
    }

    [Fact]
    public async Task While_the_disk_is_full_the_batch_is_kept_and_retried_and_stored_after_recovery()
    {
        // Every batch committed, so the full disk refuses the first one (with a window the store holds it first).
        await using var harness = new IngestHarness(commitWindow: TimeSpan.Zero);
        harness.Store.LimitPagesForTesting(harness.Store.LimitPagesForTesting(null));
        await harness.StartAsync();

        var readings = Enumerable.Range(0, IngestService.MaxBatchSize).Select(i => Power(Start.AddSeconds(i), i + 0.123)).ToArray();
        foreach (var reading in readings)
        {
            await harness.Channel.Writer.WriteAsync(reading);
        }

        await harness.AdvanceUntilAsync(() => harness.Statistics.StoreErrors >= 3, "three failed attempts");
        Assert.Contains("full", harness.Statistics.StoreProblem, StringComparison.Ordinal);
        Assert.Equal(0, harness.Statistics.Stored);
        Assert.Equal(1, harness.Logger.Count(2010));

        harness.Store.LimitPagesForTesting(null);
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == readings.Length, "the kept batch stored");

        Assert.Null(harness.Statistics.StoreProblem);
        Assert.Equal(1, harness.Logger.Count(2012));
        Assert.Equal(readings, await harness.Store.GetRangeAsync(SeriesNames.ElectricPower, Start, Start.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task While_the_store_is_down_a_full_channel_makes_writers_wait()
    {
        await using var harness = new IngestHarness(channelCapacity: 8, commitWindow: TimeSpan.Zero);
        harness.Store.LimitPagesForTesting(harness.Store.LimitPagesForTesting(null));
        await harness.StartAsync();

        for (var i = 0; i < IngestService.MaxBatchSize; i++)
        {
            await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(i), i + 0.123));
        }

        await Eventually.TrueAsync(() => harness.Statistics.StoreErrors >= 1, what: "the store failing");
        for (var i = 0; i < 8; i++)
        {
            Assert.True(harness.Channel.Writer.TryWrite(Power(Start.AddSeconds(300 + i), i)));
        }

        var blocked = harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(400), 0)).AsTask();
        Assert.False(blocked.IsCompleted);

        harness.Store.LimitPagesForTesting(null);
        await harness.AdvanceUntilAsync(() => blocked.IsCompleted && harness.Statistics.Stored == IngestService.MaxBatchSize + 9, "everything stored");
    }

    [Fact]
    public async Task A_batch_the_store_refuses_as_invalid_is_dropped_and_ingest_goes_on()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        await harness.Channel.Writer.WriteAsync(Power(Start, 480));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 1, "first reading stored");
        await harness.Channel.Writer.WriteAsync(new Reading(SeriesNames.ElectricPower, Start.AddSeconds(3), 0.5, Units.KilowattHour));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Dropped == 1, "the kWh power reading dropped");
        await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(6), 490));
        await harness.AdvanceUntilAsync(() => harness.Statistics.Stored == 2, "ingest going on");
    }

    [Fact]
    public async Task Stopping_stores_what_is_still_queued()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        for (var i = 0; i < 10; i++)
        {
            await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(i), i));
        }

        // The service holds them in an open batch; no fake time passes, so the window never closes
        // and only the shutdown drain can store them.
        await Eventually.TrueAsync(() => harness.Channel.Count == 0, what: "the batch taken");
        await harness.Channel.Writer.WriteAsync(Power(Start.AddSeconds(10), 10));
        await harness.StopAsync();

        Assert.Equal(11, await harness.Store.CountAsync(CancellationToken.None));
        Assert.Equal(0, harness.Channel.Count);
    }
}
