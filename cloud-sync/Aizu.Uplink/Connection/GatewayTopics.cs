namespace Aizu.Uplink;

/// <summary>The topics the uplink itself uses: the gateway's status and the downlink topics it subscribes to.</summary>
public static class GatewayTopics
{
    /// <summary>City-wide alerts (CAP), retained with message expiry; filtered locally by area.</summary>
    public const string CityAlerts = "aizu/v1/alert/city";

    /// <summary>
    /// The city's alert key updates (key rotation), retained; a topic of its own so that a key update never
    /// displaces the retained alert on <see cref="CityAlerts"/>.
    /// </summary>
    public const string AlertKeys = "aizu/v1/alert/key";

    /// <summary>The city's catalogue of purposes that may ask for consent.</summary>
    public const string Catalogue = "aizu/v1/catalogue";

    /// <summary>Every downlink topic, subscribed at QoS 1 on each connection.</summary>
    public static IReadOnlyList<string> Downlink { get; } = [CityAlerts, AlertKeys, Catalogue];

    /// <summary>Retained online/offline status: <c>aizu/v1/status/{gw}</c>.</summary>
    public static string Status(string gatewayId) => $"aizu/v1/status/{gatewayId}";
}
