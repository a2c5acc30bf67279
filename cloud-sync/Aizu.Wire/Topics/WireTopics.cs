namespace Aizu.Wire;

/// <summary>
/// Every MQTT topic of the Aizu wire (documented in docs/uplink.md and docs/alerts.md). Topics that name
/// a gateway are built here only, so a change of what identifies a sender changes this file and its
/// callers, not string formats scattered over both sides.
/// </summary>
public static class WireTopics
{
    /// <summary>The prefix of every consented data topic.</summary>
    public const string DataPrefix = "aizu/v1/dt/";

    /// <summary>The prefix of every consent-state and deletion-request topic.</summary>
    public const string ConsentPrefix = "aizu/v1/consent/";

    /// <summary>The prefix of the city's signed deletion confirmations.</summary>
    public const string DeletedPrefix = "aizu/v1/deleted/";

    /// <summary>What a recipient subscribes to for data (behind a shared subscription when it runs as several instances).</summary>
    public const string DataFilter = DataPrefix + "#";

    /// <summary>What a recipient subscribes to for consent states and deletion requests.</summary>
    public const string ConsentFilter = ConsentPrefix + "#";

    /// <summary>City-wide CAP alerts as signed JWS, retained with message expiry; every gateway filters locally by area.</summary>
    public const string CityAlerts = "aizu/v1/alert/city";

    /// <summary>
    /// The city's key updates as signed JWS, retained without expiry. A topic of its own, because a retained
    /// key update on <see cref="CityAlerts"/> would displace the retained alert.
    /// </summary>
    public const string AlertKeys = "aizu/v1/alert/key";

    /// <summary>The city's signed catalogue of purposes that may ask for consent, retained.</summary>
    public const string Catalogue = "aizu/v1/catalogue";

    /// <summary>Every downlink topic, subscribed at QoS 1 on each connection.</summary>
    public static IReadOnlyList<string> Downlink { get; } = [CityAlerts, AlertKeys, Catalogue];

    /// <summary>Consented data (energy windows, alert acknowledgements): <c>aizu/v1/dt/{purpose}/{category}/{pseudonym}</c>.</summary>
    public static string Data(string purpose, string category, string pseudonym) => $"{DataPrefix}{purpose}/{category}/{pseudonym}";

    /// <summary>
    /// Retained consent state of one data set (purpose × recipient × period): <c>aizu/v1/consent/{purpose}/{pseudonym}</c>.
    /// Named by the data set's own pseudonym, never the gateway, so a recipient cannot join data sets on it.
    /// </summary>
    public static string ConsentState(string purpose, string pseudonym) => $"{ConsentPrefix}{purpose}/{pseudonym}";

    /// <summary>
    /// The recipient's signed deletion confirmation for one data set, retained:
    /// <c>aizu/v1/deleted/{purpose}/{pseudonym}</c>. Per data set, so a gateway subscribes to its own data
    /// sets' confirmations without naming itself.
    /// </summary>
    public static string DeletionConfirmation(string purpose, string pseudonym) => $"{DeletedPrefix}{purpose}/{pseudonym}";

    /// <summary>Deletion requests for one data set: <c>aizu/v1/consent/{purpose}/{pseudonym}/deletion</c>.</summary>
    public static string Deletion(string purpose, string pseudonym) => $"{ConsentPrefix}{purpose}/{pseudonym}/deletion";

    /// <summary>
    /// Retained online/offline status (birth and will): <c>aizu/v1/status/{gw}</c>. The one topic that names the
    /// gateway; it is for the broker operator, who knows the connection's identity anyway, and the broker ACL keeps
    /// recipients from reading it (docs/privacy.md).
    /// </summary>
    public static string Status(string gatewayId) => $"aizu/v1/status/{gatewayId}";

    /// <summary>
    /// The gateway's own test topic, <c>aizu/v1/doctor/{gw}</c>: <c>aizu doctor</c> publishes a random token there
    /// (not retained) and reads it back, proving the broker lets the device write and read its own topics. Carries
    /// nothing else; the ACL gives each device this topic alone (<c>pattern readwrite aizu/v1/doctor/%u</c>).
    /// </summary>
    public static string Doctor(string gatewayId) => $"aizu/v1/doctor/{gatewayId}";

    /// <summary>True when <paramref name="level"/> can be one topic level: not empty, no separator or wildcard, no leading '$'.</summary>
    public static bool IsLevel(string? level) =>
        !string.IsNullOrEmpty(level) && level.Length <= 64 && !level.StartsWith('$')
        && level.All(c => c is not ('/' or '+' or '#' or '\0') && !char.IsWhiteSpace(c) && !char.IsControl(c));
}
