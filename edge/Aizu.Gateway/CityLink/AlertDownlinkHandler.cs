namespace Aizu.Gateway.CityLink;

/// <summary>
/// Hands the city-wide alert topic and the alert key topic to the <see cref="AlertInbox"/>, which checks
/// the signature before it reads anything. The adapter lives here so that the alert component knows
/// nothing of MQTT and the uplink nothing of alerts.
/// </summary>
internal sealed class AlertDownlinkHandler(AlertInbox inbox) : IDownlinkHandler
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Topics { get; } = [WireTopics.CityAlerts, WireTopics.AlertKeys];

    /// <inheritdoc />
    public async Task HandleAsync(DownlinkMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        uint? expiry = message.MessageExpiryInterval is { } remaining ? (uint)Math.Clamp(remaining.TotalSeconds, 0, uint.MaxValue) : null;
        await inbox.ReceiveAsync(message.Payload, new AlertDelivery(message.Topic, message.Retained, expiry), cancellationToken);
    }
}
