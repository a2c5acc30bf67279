namespace Aizu.Alerts;

/// <summary>
/// Passes a household's acknowledgement to the city, if and only if the household consented to that
/// separately (category <c>alert.ack</c>). The gateway implements it over its egress policy and outbox;
/// without one, <see cref="AlertAcknowledger"/> keeps every acknowledgement on the device. The alert
/// component itself never sends anything.
/// </summary>
public interface IAlertAcknowledgementSender
{
    /// <summary>Offers <paramref name="acknowledgement"/>; never throws for a missing consent, it says so.</summary>
    Task<AcknowledgementDispatch> OfferAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken);
}
