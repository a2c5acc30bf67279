namespace Aizu.Alerts;

/// <summary>The sender used when the gateway has no connection to the city: every acknowledgement stays on the device.</summary>
public sealed class LocalOnlyAcknowledgementSender : IAlertAcknowledgementSender
{
    /// <inheritdoc />
    public Task<AcknowledgementDispatch> OfferAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new AcknowledgementDispatch(
            AcknowledgementForwarding.NotConfigured, [], "Recorded on this gateway only: no connection to the city is configured."));
    }
}
