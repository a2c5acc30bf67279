namespace Aizu.Ingest;

/// <summary>
/// Moves readings from the <see cref="ReadingChannel"/> into the <see cref="IReadingWriter"/> in batches,
/// then onto the <see cref="LiveFeed"/>. Implausible readings are counted and discarded. While the
/// store is unavailable the batch is kept and retried, never dropped; the bounded channel then makes
/// the drivers wait. At shutdown whatever is queued is stored.
/// </summary>
public sealed class IngestService : BackgroundService
{
    /// <summary>Most readings per transaction.</summary>
    internal const int MaxBatchSize = 256;

    /// <summary>
    /// How long a batch stays open after its first reading. One meter poll yields power and both
    /// currents within milliseconds; collecting them costs one fsync instead of three.
    /// </summary>
    internal static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(500);

    internal static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    /// <summary>How long shutdown keeps retrying an unavailable store before giving the queued readings up.</summary>
    internal static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly ChannelReader<Reading> reader;
    private readonly IReadingWriter store;
    private readonly LiveFeed feed;
    private readonly IngestStatistics statistics;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<IngestService> logger;
    private readonly AdmissionGate gate;
    private readonly ClockWatch watch;
    private readonly ClockStepPolicy clockSteps;

    // Set when the clock stepped back: the batch taken so far is stored, then what is stamped after this is set aside.
    private DateTimeOffset? pendingCut;

    /// <summary>Creates the service; the host starts it.</summary>
    public IngestService(
        ReadingChannel channel,
        IReadingWriter store,
        LiveFeed feed,
        IngestStatistics statistics,
        TimeProvider timeProvider,
        ILogger<IngestService> logger)
    {
        ArgumentNullException.ThrowIfNull(channel);
        reader = channel.Reader;
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.feed = feed ?? throw new ArgumentNullException(nameof(feed));
        this.statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        gate = new AdmissionGate(statistics, logger);
        watch = new ClockWatch(timeProvider);
        clockSteps = new ClockStepPolicy(gate, statistics, logger);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Survives cancellation so that a batch caught mid-retry is stored by the drain.
        var batch = new List<Reading>(MaxBatchSize);
        try
        {
            await CompareStoreWithClockAsync(stoppingToken);
            while (await FillAsync(batch, stoppingToken))
            {
                await StoreAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await DrainAsync(batch);
    }

    /// <summary>A clock put back while the gateway was stopped leaves the store ahead of it.</summary>
    private async Task CompareStoreWithClockAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? newest;
        try
        {
            newest = await store.GetNewestTimestampAsync(cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // The first append reports the outage; the clock steps seen from now on are still handled.
            newest = null;
        }

        watch.Look(out var now);
        pendingCut = clockSteps.Started(newest, now);
    }

    /// <summary>
    /// Waits for a first reading, then collects more for up to <see cref="BatchWindow"/>; stops early when the clock
    /// stepped back. False once the channel is completed and empty.
    /// </summary>
    private async Task<bool> FillAsync(List<Reading> batch, CancellationToken cancellationToken)
    {
        while (batch.Count == 0 && pendingCut is null)
        {
            if (!await reader.WaitToReadAsync(cancellationToken))
            {
                return false;
            }

            TakeAvailable(batch);
        }

        if (batch.Count < MaxBatchSize && pendingCut is null)
        {
            using var window = new CancellationTokenSource(BatchWindow, timeProvider);
            using var windowOrStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
            try
            {
                while (batch.Count < MaxBatchSize && pendingCut is null && await reader.WaitToReadAsync(windowOrStop.Token))
                {
                    TakeAvailable(batch);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The window closed: store what was collected.
            }
        }

        return true;
    }

    private void TakeAvailable(List<Reading> batch)
    {
        while (batch.Count < MaxBatchSize && pendingCut is null && reader.TryRead(out var reading))
        {
            var step = watch.Look(out var now);
            if (step != TimeSpan.Zero)
            {
                pendingCut = clockSteps.Stepped(step, now);
            }

            statistics.ReadingSeen(now);
            if (gate.Admit(reading, now))
            {
                batch.Add(reading);
            }
        }
    }

    /// <summary>Stores <paramref name="batch"/>, retrying while the store is unavailable, then publishes and clears it.</summary>
    private async Task StoreAsync(List<Reading> batch, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        DateTimeOffset? outageSince = null;
        var attempts = 0;
        while (true)
        {
            try
            {
                await store.AppendAsync(batch, cancellationToken);

                // After the batch (stamped before the step, some perhaps by the clock that ran ahead); appending it
                // again on a retry replaces the same values.
                if (pendingCut is { } cut)
                {
                    var moved = await store.SetAsideAfterAsync(cut, cancellationToken);
                    statistics.AddSetAside(moved);
                    logger.SetAside(moved, cut);
                    pendingCut = null;
                }

                break;
            }
            catch (StoreUnavailableException exception)
            {
                attempts++;
                statistics.StoreFailed(exception.Message);
                if (outageSince is null)
                {
                    outageSince = timeProvider.GetUtcNow();
                    logger.StoreUnavailable(exception.Message, batch.Count);
                }
                else
                {
                    logger.StoreStillUnavailable(attempts, delay, exception.Message);
                }

                await Task.Delay(delay, timeProvider, cancellationToken);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
            catch (ArgumentException exception)
            {
                // The content is wrong (a driver changed a series' unit): retrying cannot help, and
                // holding on to it would stop every other reading.
                logger.BatchRefused(exception, batch.Count);
                statistics.AddDropped(batch.Count);
                batch.Clear();
                return;
            }
        }

        if (outageSince is { } since)
        {
            statistics.StoreRecovered();
            var outage = timeProvider.GetUtcNow() - since;
            logger.StoreRecovered(outage, attempts);
        }

        statistics.AddStored(batch.Count);
        statistics.FirstStored(timeProvider.GetUtcNow());
        foreach (var reading in batch)
        {
            feed.Publish(reading);
        }

        batch.Clear();
    }

    private async Task DrainAsync(List<Reading> batch)
    {
        // Drivers are stopped before this service (see AddAizuIngest), so the queue no longer grows.
        using var grace = new CancellationTokenSource(ShutdownGrace, timeProvider);
        var storedBefore = statistics.Stored;
        try
        {
            TakeAvailable(batch);
            while (batch.Count > 0 || pendingCut is not null)
            {
                await StoreAsync(batch, grace.Token);
                TakeAvailable(batch);
            }

            var drained = statistics.Stored - storedBefore;
            if (drained > 0)
            {
                logger.Drained(drained);
            }
        }
        catch (OperationCanceledException)
        {
            logger.LostAtShutdown(batch.Count + reader.Count);
        }
    }
}
