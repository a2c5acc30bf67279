namespace Aizu.Ingest;

/// <summary>
/// Runs every registered <see cref="IReadingSource"/> against the <see cref="ReadingChannel"/> and
/// restarts one that fails, waiting 1 s, then 2 s, 4 s … up to 60 s between attempts (reset after a
/// source has run for a minute), so a meter that is unplugged is not hammered.
/// </summary>
public sealed class SourceSupervisor : BackgroundService
{
    internal static readonly TimeSpan FirstRestartDelay = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(60);

    private readonly SourceTracker[] trackers;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<SourceSupervisor> logger;

    /// <summary>Creates the supervisor; the host starts it.</summary>
    public SourceSupervisor(
        IEnumerable<IReadingSource> sources,
        ReadingChannel channel,
        IngestStatistics statistics,
        TimeProvider timeProvider,
        ILogger<SourceSupervisor> logger)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(statistics);
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        trackers = [.. sources.Select(source => new SourceTracker(source, channel.Writer, statistics, timeProvider))];
    }

    /// <summary>The status of each source, in registration order.</summary>
    public IReadOnlyList<SourceStatus> GetStatuses() => [.. trackers.Select(tracker => tracker.Snapshot())];

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (trackers.Length == 0)
        {
            logger.NoSources();
            return Task.CompletedTask;
        }

        // Task.Run: a driver that blocks in RunAsync before its first await must not hold up the others.
        return Task.WhenAll(trackers.Select(tracker =>
            Task.Run(() => SuperviseAsync(tracker, stoppingToken), CancellationToken.None)));
    }

    private async Task SuperviseAsync(SourceTracker tracker, CancellationToken stoppingToken)
    {
        var delay = FirstRestartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var startedAt = timeProvider.GetUtcNow();
            tracker.Started();
            logger.SourceStarting(tracker.Name);
            Exception? failure = null;
            try
            {
                await tracker.Source.RunAsync(tracker.Writer, stoppingToken);
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A driver may throw anything; surviving it is the supervisor's whole job.
                failure = exception;
            }

            if (timeProvider.GetUtcNow() - startedAt >= MaxRestartDelay)
            {
                // It ran well for a while, so this is a new fault: retry promptly.
                delay = FirstRestartDelay;
            }

            // The timer starts before the status says "stopped", so whoever sees that status (a test
            // with a fake clock) can move time past the restart.
            var wait = Task.Delay(delay, timeProvider, stoppingToken);
            if (failure is null)
            {
                logger.SourceReturned(tracker.Name, delay);
                tracker.Stopped("stopped without being asked to");
            }
            else
            {
                logger.SourceFailed(failure, tracker.Name, delay);
                tracker.Stopped(failure.Message);
            }

            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = delay * 2 < MaxRestartDelay ? delay * 2 : MaxRestartDelay;
        }

        tracker.Stopped(null);
    }
}
