namespace Aizu.Ingest.Tests;

public sealed class SourceSupervisorTests
{
    private readonly FakeTimeProvider time = new(IngestHarness.Start);
    private readonly ReadingChannel channel = new(Options.Create(new IngestOptions()));
    private readonly IngestStatistics statistics = new(new LiveFeed());
    private readonly CapturingLogger<SourceSupervisor> logger = new();

    private SourceSupervisor Supervise(params IReadingSource[] sources) => new(sources, channel, statistics, time, logger);

    [Fact]
    public async Task A_failing_source_is_restarted_after_1_then_2_then_4_seconds()
    {
        var source = new FlakySource("broute", failures: 3, time);
        using var supervisor = Supervise(source);
        await supervisor.StartAsync(CancellationToken.None);

        await WaitStoppedAfterRun(supervisor, source, 1);
        var status = Assert.Single(supervisor.GetStatuses());
        Assert.Equal("broute", status.Name);
        Assert.Equal("serial port gone (run 1)", status.LastError);
        Assert.Equal(IngestHarness.Start, status.LastReadingAt);

        foreach (var (delay, run) in new[] { (1, 2), (2, 3), (4, 4) })
        {
            time.Advance(TimeSpan.FromSeconds(delay) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(run - 1, source.Runs);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Eventually.TrueAsync(() => source.Runs == run, what: $"run {run}");
            if (run < 4)
            {
                await WaitStoppedAfterRun(supervisor, source, run);
            }
        }

        await Eventually.TrueAsync(() => supervisor.GetStatuses()[0].Running, what: "the source running");
        Assert.Equal(4, logger.Entries.Count(e => e.Id.Id == 2020));
        Assert.Equal(3, logger.Count(2021));
        await supervisor.StopAsync(CancellationToken.None);
        Assert.False(supervisor.GetStatuses()[0].Running);
    }

    [Fact]
    public async Task The_link_is_up_while_readings_come_and_down_after_60_quiet_seconds()
    {
        var source = new FlakySource("broute", failures: 0, time);
        using var supervisor = Supervise(source);
        await supervisor.StartAsync(CancellationToken.None);
        // The driver's thread records a reading in two places, its source's status and then the shared
        // statistics; wait for both, since seeing the first says nothing about the second yet.
        await Eventually.TrueAsync(
            () => supervisor.GetStatuses()[0].LastReadingAt is not null && statistics.LastReadingAt is not null,
            what: "a reading in the source's status and the shared statistics");

        Assert.True(supervisor.GetStatuses()[0].IsLinkUp(time.GetUtcNow()));
        Assert.True(statistics.IsLinkUp(time.GetUtcNow()));

        time.Advance(TimeSpan.FromSeconds(60));

        Assert.False(supervisor.GetStatuses()[0].IsLinkUp(time.GetUtcNow()));
        Assert.False(statistics.IsLinkUp(time.GetUtcNow()));
        await supervisor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_source_cannot_close_the_shared_channel()
    {
        var completing = new CompletingSource();
        using var supervisor = Supervise(completing);
        await supervisor.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => supervisor.GetStatuses()[0].LastError is not null, what: "the failure recorded");

        Assert.Contains("closed", supervisor.GetStatuses()[0].LastError, StringComparison.OrdinalIgnoreCase);
        Assert.False(channel.Reader.Completion.IsCompleted);
        Assert.True(channel.Writer.TryWrite(IngestHarness.Power(IngestHarness.Start, 1)));
        await supervisor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_blocking_source_does_not_hold_up_the_others()
    {
        var healthy = new FlakySource("healthy", failures: 0, time);
        using var supervisor = Supervise(new BlockingSource(), healthy);
        await supervisor.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => channel.Reader.TryPeek(out _), what: "the healthy source's reading");

        await supervisor.StopAsync(CancellationToken.None);
        Assert.All(supervisor.GetStatuses(), s => Assert.False(s.Running));
    }

    [Fact]
    public async Task Without_sources_the_supervisor_says_so_and_idles()
    {
        using var supervisor = Supervise();

        await supervisor.StartAsync(CancellationToken.None);

        Assert.Empty(supervisor.GetStatuses());
        await Eventually.TrueAsync(() => logger.Count(2023) == 1, what: "the warning");
        await supervisor.StopAsync(CancellationToken.None);
    }

    private static Task WaitStoppedAfterRun(SourceSupervisor supervisor, FlakySource source, int run) =>
        Eventually.TrueAsync(
            () => source.Runs == run && supervisor.GetStatuses()[0] is { Running: false, LastError: { } error } && error.Contains($"run {run}", StringComparison.Ordinal),
            what: $"the source stopped after run {run}");
}
