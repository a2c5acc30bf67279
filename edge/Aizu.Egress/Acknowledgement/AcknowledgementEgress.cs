namespace Aizu.Egress;

/// <summary>
/// Offers the household's "I'm safe" acknowledgement of a city alert to the egress side. It leaves the
/// gateway only under an active grant of category <c>alert.ack</c> (one message per such consent and
/// alert, made by the <see cref="EgressPolicy"/> and committed with its outbox row); without one nothing
/// is queued and the acknowledgement stays on the device.
/// </summary>
public sealed class AcknowledgementEgress(
    IConsentRegistry registry,
    EgressPolicy policy,
    EgressJournal journal,
    TimeProvider time,
    ILogger<AcknowledgementEgress> logger)
{
    /// <summary>
    /// Queues the acknowledgement of <paramref name="alertReference"/> (CAP <c>sender,identifier,sent</c>)
    /// under every active <c>alert.ack</c> consent. Empty when there is none: nothing leaves.
    /// </summary>
    public async Task<IReadOnlyList<AcknowledgementRelease>> OfferAsync(string alertReference, DateTimeOffset acknowledgedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertReference);
        var now = time.GetUtcNow();
        var grants = await registry.GetGrantsAsync(cancellationToken);
        var consented = grants
            .Where(g => string.Equals(g.Category, DataCategories.AlertAcknowledgement, StringComparison.Ordinal) && g.IsActiveAt(now))
            .OrderBy(g => g.ConsentId, StringComparer.Ordinal)
            .ToList();
        if (consented.Count == 0)
        {
            logger.AcknowledgementNotSent(alertReference, $"no active {DataCategories.AlertAcknowledgement} consent");
            return [];
        }

        var results = new List<AcknowledgementRelease>(consented.Count);
        foreach (var grant in consented)
        {
            var terms = ConsentTerms.Of(grant);
            if (await journal.GetAcknowledgementAsync(grant.ConsentId, alertReference, cancellationToken) is { } earlier)
            {
                results.Add(new AcknowledgementRelease(grant.Reference, grant.Purpose, AcknowledgementOutcome.AlreadyQueued, earlier, ""));
                continue;
            }

            var decision = await policy.DecideAcknowledgementAsync(terms, alertReference, acknowledgedAt, cancellationToken);
            if (decision.Outcome != ReleaseOutcome.Released || decision.Message is null)
            {
                logger.AcknowledgementNotSent(alertReference, decision.Detail);
                results.Add(new AcknowledgementRelease(grant.Reference, grant.Purpose, AcknowledgementOutcome.Refused, null, decision.Detail));
                continue;
            }

            if (await journal.CommitAcknowledgementAsync(decision, now, cancellationToken))
            {
                logger.AcknowledgementQueued(alertReference, grant.Reference, decision.Message.MessageId);
                results.Add(new AcknowledgementRelease(grant.Reference, grant.Purpose, AcknowledgementOutcome.Queued, decision.Message.MessageId, ""));
            }
            else
            {
                // Pressed twice at the same moment: the other press committed first.
                var id = await journal.GetAcknowledgementAsync(grant.ConsentId, alertReference, cancellationToken);
                results.Add(new AcknowledgementRelease(grant.Reference, grant.Purpose, AcknowledgementOutcome.AlreadyQueued, id, ""));
            }
        }

        return results;
    }
}
