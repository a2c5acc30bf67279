namespace Aizu.Consent;

/// <summary>
/// The consent side's clock work. At start-up: verifies the ledger (logging the first broken link),
/// finishes any interrupted catalogue reconciliation, and records expiries that passed while the
/// gateway was off. Then, every <see cref="ConsentOptions.ExpiryCheckInterval"/>, records expired
/// grants and unanswered requests; every <see cref="ConsentOptions.ChangePollInterval"/>, hands
/// decisions made by another process (the <c>aizu consent</c> command) to watchers.
/// </summary>
public sealed class ConsentMonitor(
    ConsentService consents,
    PurposeCatalogueService catalogues,
    TimeProvider time,
    IOptions<ConsentOptions> options,
    ILogger<ConsentMonitor> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RunAsync("start-up", async cancellationToken =>
        {
            var verification = await consents.Ledger.VerifyAsync(cancellationToken);
            if (verification.IsIntact)
            {
                logger.LedgerIntact(verification.EventCount, verification.HeadHash);
            }

            await consents.PublishNewEventsAsync(cancellationToken);
            await catalogues.ReconcileCurrentAsync(cancellationToken);
            await consents.RecordDueEventsAsync(cancellationToken);
        }, stoppingToken);

        var settings = options.Value;
        await Task.WhenAll(
            EveryAsync(settings.ExpiryCheckInterval, "expiry", consents.RecordDueEventsAsync, stoppingToken),
            EveryAsync(settings.ChangePollInterval, "change poll", consents.PublishNewEventsAsync, stoppingToken));
    }

    private async Task EveryAsync(TimeSpan period, string work, Func<CancellationToken, Task> action, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunAsync(work, action, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(string work, Func<CancellationToken, Task> action, CancellationToken stoppingToken)
    {
        try
        {
            await action(stoppingToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // A full or failing disk must not stop the checks for good; the next tick tries again.
            logger.MonitorFailed(work, exception);
        }
    }
}
