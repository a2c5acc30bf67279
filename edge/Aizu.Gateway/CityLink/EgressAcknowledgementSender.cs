namespace Aizu.Gateway.CityLink;

/// <summary>
/// Passes the household's "I'm safe" to the egress side, which queues it only under an active
/// <c>alert.ack</c> consent (the egress policy makes the message, the outbox re-checks the consent
/// before sending). Without such a consent nothing is queued.
/// </summary>
internal sealed class EgressAcknowledgementSender(AcknowledgementEgress egress) : IAlertAcknowledgementSender
{
    /// <inheritdoc />
    public async Task<AcknowledgementDispatch> OfferAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        var releases = await egress.OfferAsync(acknowledgement.ReferenceText, acknowledgement.AcknowledgedAt, cancellationToken);
        if (releases.Count == 0)
        {
            return new AcknowledgementDispatch(
                AcknowledgementForwarding.NotConsented, [],
                $"Recorded on this gateway only: sending it to the city needs your separate consent ({DataCategories.AlertAcknowledgement}).");
        }

        var queued = releases.Where(r => r.Outcome == AcknowledgementOutcome.Queued).Select(r => r.ConsentReference).ToList();
        var before = releases.Where(r => r.Outcome == AcknowledgementOutcome.AlreadyQueued).Select(r => r.ConsentReference).ToList();
        if (queued.Count > 0)
        {
            return new AcknowledgementDispatch(AcknowledgementForwarding.Queued, [.. queued, .. before],
                $"Sent to the city under your consent {string.Join(", ", queued)}.");
        }

        if (before.Count > 0)
        {
            return new AcknowledgementDispatch(AcknowledgementForwarding.AlreadyQueued, before,
                $"Already sent to the city under your consent {string.Join(", ", before)}.");
        }

        return new AcknowledgementDispatch(AcknowledgementForwarding.Refused, [],
            "Recorded on this gateway only: " + string.Join("; ", releases.Select(r => $"{r.ConsentReference}: {r.Detail}")));
    }
}
