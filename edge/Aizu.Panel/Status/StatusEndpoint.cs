namespace Aizu.Panel;

/// <summary><c>GET /api/status</c>: is the meter talking, is the store writing, what runs.</summary>
internal static class StatusEndpoint
{
    private static readonly string Version =
        typeof(StatusEndpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(StatusEndpoint).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static async Task<Ok<PanelStatus>> HandleAsync(
        IReadingQueries store,
        IStoreStatus storeStatus,
        IngestStatistics statistics,
        PanelClock clock,
        IServiceProvider services,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        long? stored = null;
        var storeProblem = statistics.StoreProblem;
        try
        {
            stored = await store.CountAsync(cancellationToken);
        }
        catch (StoreUnavailableException exception)
        {
            // The status page must answer precisely when storage is broken.
            loggers.CreateLogger(PanelEndpoints.LogCategory).StoreUnavailableForPanel(exception.Message);
            storeProblem ??= exception.Message;
        }

        OutboxBudgetStatus? outbox = null;
        if (services.GetService<OutboxBudget>() is { } budget)
        {
            try
            {
                outbox = await budget.GetStatusAsync(cancellationToken);
            }
            catch (StoreUnavailableException exception)
            {
                loggers.CreateLogger(PanelEndpoints.LogCategory).StoreUnavailableForPanel(exception.Message);
            }
        }

        // Optional: a host may run the panel over a store without drivers.
        var sources = services.GetService<SourceSupervisor>()?.GetStatuses() ?? [];
        return TypedResults.Ok(new PanelStatus(
            stored,
            statistics.LastReadingAt,
            statistics.IsLinkUp(now),
            statistics.RejectedClock,
            statistics.RejectedFuture,
            statistics.StoreErrors,
            storeProblem,
            statistics.LiveDrops,
            [.. sources.Select(s => new PanelSourceStatus(s.Name, s.Running, s.IsLinkUp(now), s.LastReadingAt, s.LastError))],
            Version)
        {
            Storage = PanelStorageStatus.From(storeStatus.Health),
            Sensors = [.. services.GetServices<IReadingSource>().OfType<ISensorHealthReport>().SelectMany(r => r.GetSensorHealth()).Select(PanelSensorStatus.From)],
            RejectedInsideStoredTime = statistics.RejectedCovered,
            ClockStepsBack = statistics.ClockStepsBack,
            ClockStepsForward = statistics.ClockStepsForward,
            ReadingsSetAside = statistics.SetAside,
            FirstStoredAt = statistics.FirstStoredAt,
            LastClockStepAt = statistics.LastClockStep?.At,
            LastClockStepSeconds = statistics.LastClockStep?.By.TotalSeconds,
            Egress = services.GetService<EgressIntegrity>() is { } egress
                ? new PanelEgressStatus(egress.IsOpen, egress.Reason, egress.IsOpen ? null : ConsentIntegrityReport.Remedy)
                {
                    OutboxPending = outbox?.Pending,
                    OutboxMaxPending = outbox?.MaxPending,
                    OutboxDroppedOverBudget = outbox?.Dropped,
                    LastOutboxDropAt = outbox?.LastDroppedAt,
                }
                : null,
            CityLink = services.GetService<UplinkState>() is { } link ? PanelCityLinkStatus.From(link) : null,
        });
    }
}
