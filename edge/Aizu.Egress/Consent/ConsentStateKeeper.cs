using Aizu.Consent;
using Aizu.Uplink.Messages;
using Microsoft.Extensions.Logging;

namespace Aizu.Egress;

/// <summary>
/// Keeps what is queued in step with the household's consents: drops unsent data of any consent that
/// is no longer active, queues the retained consent state whenever the set of active grants changes,
/// and queues one deletion request per withdrawn consent under which anything has left, and one per
/// version whose terms the household replaced, if anything left under it.
/// </summary>
public sealed class ConsentStateKeeper(
    IConsentRegistry registry,
    EgressPolicy policy,
    EgressJournal journal,
    TimeProvider time,
    ILogger<ConsentStateKeeper> logger)
{
    /// <summary>Brings the outbox and the published state in line with the registry now.</summary>
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

        // The published state is described by its references; a renewal or change is a new version.
        var description = string.Join(',', active.Select(g => g.Reference));
        UplinkMessage? state = null;
        if (!string.Equals(description, await journal.GetPublishedConsentStateAsync(cancellationToken), StringComparison.Ordinal))
        {
            state = policy.CreateConsentState(active);
        }

        var deletions = new List<(ConsentGrant, UplinkMessage)>();
        foreach (var withdrawn in latest.Where(g => g.Status == ConsentStatus.Withdrawn))
        {
            if (await journal.HasDeletionRequestAsync(withdrawn.Reference, cancellationToken)
                || !await journal.HasAnythingLeftUnderAsync(withdrawn.ConsentId, null, cancellationToken))
            {
                continue;
            }

            var pseudonyms = await journal.GetReleasedPseudonymsAsync(withdrawn.ConsentId, null, cancellationToken);
            deletions.Add((withdrawn, policy.CreateDeletionRequest(withdrawn, pseudonyms)));
        }

        // Terms the household changed (say hourly → monthly): what was sent under the old version goes too.
        foreach (var current in latest.Where(g => g.Status != ConsentStatus.Withdrawn && g.Version > 1))
        {
            for (var version = 1; version < current.Version; version++)
            {
                var reference = $"{current.ConsentId}@{version}";
                if (await journal.HasDeletionRequestAsync(reference, cancellationToken)
                    || await registry.GetGrantAsync(current.ConsentId, version, cancellationToken) is not { Status: ConsentStatus.Withdrawn } superseded
                    || !await journal.HasAnythingLeftUnderAsync(current.ConsentId, version, cancellationToken))
                {
                    continue;
                }

                var pseudonyms = await journal.GetReleasedPseudonymsAsync(current.ConsentId, version, cancellationToken);
                deletions.Add((superseded, policy.CreateDeletionRequest(superseded, pseudonyms, supersededVersion: true)));
            }
        }

        if (state is null && deletions.Count == 0)
        {
            return;
        }

        await journal.CommitConsentMessagesAsync(description, state, deletions, cancellationToken);
        if (state is not null)
        {
            logger.ConsentStateQueued(active.Count, state.MessageId);
        }

        foreach (var (withdrawn, request) in deletions)
        {
            logger.DeletionQueued(withdrawn.Reference, request.MessageId);
        }
    }
}
