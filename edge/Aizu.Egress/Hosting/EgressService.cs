namespace Aizu.Egress;

/// <summary>
/// Runs the egress side: a pass (consent reconciliation, then the windows that are due) at every tick
/// of <see cref="EgressOptions.EvaluationInterval"/> and at once after any consent change, so a
/// withdrawal drops unsent messages without waiting for the tick.
/// </summary>
public sealed class EgressService(
    IConsentRegistry registry,
    ConsentStateKeeper keeper,
    WindowAggregator aggregator,
    SqliteOutbox outbox,
    EgressIntegrity integrity,
    EgressStatus status,
    TimeProvider time,
    IOptions<EgressOptions> options,
    ILogger<EgressService> logger)
    : BackgroundService
{
    private static readonly TimeSpan WatchRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PruneInterval = TimeSpan.FromHours(1);

    private readonly TimeSpan deliveredRetention = options.Value.DeliveredRetention;
    private readonly string databasePath = options.Value.DatabasePath;
    private readonly TimeSpan interval = options.Value.EvaluationInterval;
    private DateTimeOffset nextPruneAt = DateTimeOffset.MinValue;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Runs one pass now (also what every tick does).</summary>
    public async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        try
        {
            // Nothing is decided or queued on a ledger that cannot be trusted; the outbox is closed too.
            if (!await CheckIntegrityAsync(startedAt, cancellationToken))
            {
                status.PassCompleted(startedAt, null);
                return;
            }

            // Reconcile first: a withdrawn consent's unsent data is gone before any new window is looked at.
            await keeper.ReconcileAsync(cancellationToken);
            await aggregator.RunAsync(cancellationToken);

            // Again: a window of a past period decided just now needs its data set's state, and its data waits for it.
            await keeper.ReconcileAsync(cancellationToken);
            await PruneAsync(startedAt, cancellationToken);
            status.PassCompleted(startedAt, null);
        }
        catch (Exception exception) when (EgressFault.Describe(exception, databasePath) is { } fault)
        {
            // The disk, the card or another process, not a bug: one line; the pass's transactions left nothing half-done.
            logger.PassFailed(fault);
            status.PassCompleted(startedAt, fault);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.PassFailedUnexpectedly(exception);
            status.PassCompleted(startedAt, exception.Message);
        }
    }

    private async Task<bool> CheckIntegrityAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        ConsentIntegrityReport report;
        try
        {
            report = await registry.CheckIntegrityAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A check that cannot run proves nothing: fail closed.
            logger.IntegrityCheckFailed(exception.Message);
            report = new ConsentIntegrityReport(false, 0, null, $"the consent ledger cannot be read: {exception.Message}", now, null);
        }

        integrity.Update(report);
        return report.IsIntact;
    }

    /// <summary>Deletes delivered outbox rows older than <see cref="EgressOptions.DeliveredRetention"/>, at most once an hour.</summary>
    private async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (now < nextPruneAt)
        {
            return;
        }

        nextPruneAt = now + PruneInterval;
        var before = now - deliveredRetention;
        var pruned = await outbox.PruneDeliveredAsync(before, cancellationToken);
        if (pruned > 0)
        {
            logger.OutboxPruned(pruned, before);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        wake.Writer.TryWrite(true);
        var watcher = WatchAsync(stoppingToken);
        var ticker = TickAsync(stoppingToken);
        try
        {
            while (await wake.Reader.WaitToReadAsync(stoppingToken))
            {
                while (wake.Reader.TryRead(out _))
                {
                }

                await RunPassAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(watcher, ticker);
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                wake.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var _ in registry.WatchAsync(stoppingToken))
                {
                    wake.Writer.TryWrite(true);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.WatchFailed(exception, WatchRetryDelay);
                try
                {
                    await Task.Delay(WatchRetryDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
