namespace Aizu.Egress;

/// <summary>
/// Keeps what is queued in step with the household's consents, one data set (purpose × recipient ×
/// pseudonym period) at a time: drops unsent data of any consent that is no longer active; queues each
/// live data set's retained consent state whenever the set of its active grants changes; queues, per data
/// set the data was sent in, one deletion request per withdrawn consent and one per version whose terms the
/// household replaced; and clears a data set's retained state once its period is over and nothing of it is
/// waiting to be sent.
/// </summary>
public sealed class ConsentStateKeeper(
    IConsentRegistry registry,
    EgressPolicy policy,
    EgressJournal journal,
    DataSets dataSets,
    TimeProvider time,
    ILogger<ConsentStateKeeper> logger)
{
    /// <summary>
    /// How long after its period a data set's state stays: the last windows of a period are released only once
    /// they are closed and read, and clearing first would make the state come back for them.
    /// </summary>
    public static readonly TimeSpan ClearAfter = TimeSpan.FromDays(7);

    /// <summary>Brings the outbox and the published states in line with the registry now.</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var grants = await registry.GetGrantsAsync(cancellationToken);
        var latest = grants.GroupBy(g => g.ConsentId, StringComparer.Ordinal).Select(g => g.MaxBy(v => v.Version)!).ToList();
        var active = latest.Where(g => g.IsActiveAt(now)).OrderBy(g => g.ConsentId, StringComparer.Ordinal).ToList();

        var dropped = await journal.DropPendingExceptAsync(
            active.Select(g => g.ConsentId).ToArray(), "the consent is no longer active", now, cancellationToken);
        foreach (var (consentId, count) in dropped)
        {
            logger.PendingDropped(count, consentId, "the consent is no longer active");
        }

        var deletions = await DeletionsAsync(latest, cancellationToken);
        var states = await StatesAsync(active, now, cancellationToken);
        if (states.Count == 0 && deletions.Count == 0)
        {
            return;
        }

        await journal.CommitConsentMessagesAsync(states, deletions, cancellationToken);
        foreach (var (dataSet, description, state) in states)
        {
            logger.ConsentStateQueued(dataSet.Purpose, dataSet.Period, description, state.MessageId);
        }

        foreach (var (reference, pseudonym, request) in deletions)
        {
            logger.DeletionQueued(reference, pseudonym, request.MessageId);
        }
    }

    // The data sets whose state must be (re)published or cleared now. A data set is live in its period, for
    // ClearAfter after it, and while any of its data waits to be sent (the data waits for its state).
    private async Task<List<(DataSet, string, UplinkMessage)>> StatesAsync(List<ConsentGrant> active, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var live = new Dictionary<string, DataSet>(StringComparer.Ordinal);
        var published = new Dictionary<string, string?>(StringComparer.Ordinal);
        var ended = new List<DataSet>();
        foreach (var known in await journal.GetDataSetsAsync(cancellationToken))
        {
            published[known.DataSet.Pseudonym] = known.Published;
            if (known.Pending > 0 || known.DataSet.End + ClearAfter > now)
            {
                live[known.DataSet.Pseudonym] = known.DataSet;
            }
            else
            {
                ended.Add(known.DataSet);
            }
        }

        // Every active grant's current data set has a state before any of its data is made.
        foreach (var grant in active)
        {
            var current = await dataSets.AtAsync(grant.Purpose, grant.Recipient, now, cancellationToken);
            live.TryAdd(current.Pseudonym, current);
        }

        var states = new List<(DataSet, string, UplinkMessage)>();
        foreach (var dataSet in live.Values.OrderBy(d => d.Start).ThenBy(d => d.Purpose, StringComparer.Ordinal).ThenBy(d => d.Recipient, StringComparer.Ordinal))
        {
            var listed = active
                .Where(g => string.Equals(g.Purpose, dataSet.Purpose, StringComparison.Ordinal) && string.Equals(g.Recipient, dataSet.Recipient, StringComparison.Ordinal))
                .ToList();
            // Described by reference and end day: a renewal moves the end without a new version, and the state says it.
            var description = string.Join(',', listed.Select(g => $"{g.Reference}~{g.ExpiresAt.UtcDateTime:yyyy-MM-dd}"));
            var before = published.GetValueOrDefault(dataSet.Pseudonym);

            // A data set that never had a state and has nothing to list needs none: nothing was sent in it.
            if (string.Equals(description, before, StringComparison.Ordinal) || (before is null && listed.Count == 0))
            {
                continue;
            }

            states.Add((dataSet, description, await policy.CreateConsentStateAsync(dataSet, listed, cancellationToken)));
        }

        foreach (var dataSet in ended.Where(d => published.GetValueOrDefault(d.Pseudonym) is { } before && before != EgressJournal.ClearedState))
        {
            states.Add((dataSet, EgressJournal.ClearedState, policy.CreateClearedConsentState(dataSet)));
        }

        return states;
    }

    private async Task<List<(string, string, UplinkMessage)>> DeletionsAsync(List<ConsentGrant> latest, CancellationToken cancellationToken)
    {
        var deletions = new List<(string, string, UplinkMessage)>();
        foreach (var withdrawn in latest.Where(g => g.Status == ConsentStatus.Withdrawn))
        {
            await AddDeletionsAsync(deletions, withdrawn, null, cancellationToken);
        }

        // Terms the household changed (say hourly → monthly): what was sent under the old version goes too.
        foreach (var current in latest.Where(g => g.Status != ConsentStatus.Withdrawn && g.Version > 1))
        {
            for (var version = 1; version < current.Version; version++)
            {
                if (await registry.GetGrantAsync(current.ConsentId, version, cancellationToken) is { Status: ConsentStatus.Withdrawn } superseded)
                {
                    await AddDeletionsAsync(deletions, superseded, version, cancellationToken);
                }
            }
        }

        return deletions;
    }

    // One request per data set the consent's data was sent in (each names only that data set's references).
    private async Task AddDeletionsAsync(List<(string, string, UplinkMessage)> deletions, ConsentGrant withdrawn, int? version, CancellationToken cancellationToken)
    {
        if (!await journal.HasAnythingLeftUnderAsync(withdrawn.ConsentId, version, cancellationToken))
        {
            return;
        }

        foreach (var used in (await journal.GetReleasedUnderAsync(withdrawn.ConsentId, version, cancellationToken)).GroupBy(u => u.Pseudonym, StringComparer.Ordinal))
        {
            if (await journal.HasDeletionRequestAsync(withdrawn.Reference, used.Key, cancellationToken))
            {
                continue;
            }

            // Data released before the gateway kept data sets has no record of its period; it went under the
            // purpose's yearly pseudonym and the plain consent id, which the recipient can still delete by.
            var dataSet = await journal.FindDataSetAsync(used.Key, cancellationToken)
                ?? new DataSet(withdrawn.Purpose, withdrawn.Recipient, "", DateTimeOffset.MinValue, DateTimeOffset.MinValue, used.Key);
            var request = await policy.CreateDeletionRequestAsync(withdrawn, dataSet, used.Select(u => u.Version).ToList(), version is not null, cancellationToken);
            deletions.Add((withdrawn.Reference, used.Key, request));
        }
    }
}
