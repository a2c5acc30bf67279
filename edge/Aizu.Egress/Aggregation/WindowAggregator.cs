namespace Aizu.Egress;

/// <summary>
/// Computes only what active grants ask for: for each active grant, each closed window of its
/// granularity that starts within its validity and was not decided yet, the energy of that window
/// from the store's cumulative register, handed to the egress policy. Nothing else is read.
/// </summary>
public sealed class WindowAggregator(
    IConsentRegistry registry,
    IReadingQueries store,
    EgressPolicy policy,
    EgressJournal journal,
    WindowCutter calendar,
    TimeProvider time,
    IOptions<EgressOptions> options,
    ILogger<WindowAggregator> logger)
{
    // Bounds one pass after a long outage; the next pass continues where this one stopped.
    private const int MaxWindowsPerGrantPerPass = 2_000;

    // The categories the gateway measures, and the register series their energy comes from.
    private static readonly Dictionary<string, string> RegisterOf = new(StringComparer.Ordinal)
    {
        [DataCategories.ElectricImportEnergy] = SeriesNames.ElectricImportEnergy,
        [DataCategories.ElectricExportEnergy] = SeriesNames.ElectricExportEnergy,
    };

    private readonly TimeSpan releaseDelay = options.Value.ReleaseDelay;
    private readonly HashSet<string> reportedUnmeasured = new(StringComparer.Ordinal);

    /// <summary>Decides every window that is due now; returns how many were released.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var released = 0;
        var grants = await registry.GetGrantsAsync(cancellationToken);
        foreach (var grant in grants.Where(g => g.IsActiveAt(now)))
        {
            if (!RegisterOf.TryGetValue(grant.Category, out var series))
            {
                if (reportedUnmeasured.Add(grant.Reference))
                {
                    logger.CategoryNotMeasured(grant.Reference, grant.Category);
                }

                continue;
            }

            if (!Granularity.IsKnown(grant.Granularity))
            {
                continue;
            }

            released += await ReleaseDueWindowsAsync(grant, series, now, cancellationToken);
        }

        return released;
    }

    private async Task<int> ReleaseDueWindowsAsync(ConsentGrant grant, string series, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await store.GetLatestAsync(series, cancellationToken);
        if (latest is null)
        {
            return 0;
        }

        var last = await journal.GetLastDecidedWindowStartAsync(grant.ConsentId, cancellationToken);
        var window = last is { } start && calendar.Containing(start, grant.Granularity) is var decided && decided.Start == start
            ? calendar.Next(decided)
            : calendar.FirstStartingAtOrAfter(grant.ValidFrom, grant.Granularity);

        // Windows begin no earlier than the grant: consent covers data from its decision on.
        if (window.Start < grant.ValidFrom)
        {
            window = calendar.FirstStartingAtOrAfter(grant.ValidFrom, grant.Granularity);
        }

        var terms = ConsentTerms.Of(grant);
        var released = 0;
        for (var count = 0; count < MaxWindowsPerGrantPerPass; count++, window = calendar.Next(window))
        {
            // Closed, settled, within validity, and the register has been read past its end.
            if (window.End + releaseDelay > now || window.End > grant.ExpiresAt || latest.Value.Timestamp < window.End)
            {
                break;
            }

            var kilowattHours = await store.GetCumulativeDeltaAsync(series, window.Start, window.End, cancellationToken);
            var decision = kilowattHours is { } kWh
                ? await policy.DecideAsync(new EnergyAggregate(terms, window, kWh * 1000), cancellationToken)
                : new ReleaseDecision(terms, window, ReleaseOutcome.NoData, "no readings in the window", null, null);
            if (!await journal.CommitAsync(decision, time.GetUtcNow(), cancellationToken))
            {
                continue;
            }

            switch (decision.Outcome)
            {
                case ReleaseOutcome.Released:
                    released++;
                    logger.WindowReleased(terms.Category, terms.Granularity, window.Start, terms.Reference, decision.Message!.MessageId);
                    break;
                case ReleaseOutcome.Refused:
                    logger.WindowRefused(window.Start, terms.Reference, decision.Detail);
                    break;
            }
        }

        return released;
    }
}
