namespace Aizu.Alerts;

/// <summary>How a payload arrived: the MQTT facts that matter to the inbox, none of them trusted for display.</summary>
/// <param name="Topic">The topic it arrived on (normally <see cref="WireTopics.CityAlerts"/> or <see cref="WireTopics.AlertKeys"/>).</param>
/// <param name="Retained">True when it is the broker's retained message delivered on subscribe.</param>
/// <param name="MessageExpirySeconds">The remaining MQTT 5 message expiry, if set.</param>
public sealed record AlertDelivery(string Topic, bool Retained, uint? MessageExpirySeconds);
