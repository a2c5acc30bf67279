namespace Aizu.Uplink;

/// <summary>How the gateway reaches the city broker.</summary>
public sealed class UplinkOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:Uplink</c>.</summary>
    public const string SectionName = "Aizu:Uplink";

    /// <summary>Broker host name (also the name its TLS certificate must carry).</summary>
    public string Host { get; set; } = "";

    /// <summary>Broker port. Default 8883 (MQTT over TLS).</summary>
    public int Port { get; set; } = 8883;

    /// <summary>
    /// Pseudonymous gateway id: the MQTT client id, the last level of <c>aizu/v1/status/{gw}</c>, and the
    /// device certificate's CN (the broker's ACL substitutes it for <c>%u</c>). Must equal <c>Aizu:Egress:GatewayId</c>.
    /// Empty: the gateway host fills in its device identity's id.
    /// </summary>
    public string GatewayId { get; set; } = "";

    /// <summary>Use TLS. Default true; only a test broker on the loopback interface goes without.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>PEM file of the CA that signed the broker's certificate; empty to trust the system store.</summary>
    public string CaFile { get; set; } = "";

    /// <summary>PEM file of the device certificate for mutual TLS (with <see cref="ClientKeyFile"/>); empty for none.</summary>
    public string ClientCertificateFile { get; set; } = "";

    /// <summary>PEM file of the device certificate's private key (mode 0600).</summary>
    public string ClientKeyFile { get; set; } = "";

    /// <summary>
    /// Directory of the device identity the gateway makes at first start (key, gateway id, certificate request) and
    /// <c>aizu enroll</c> completes (certificate, city CA). Empty: <c>identity</c> beside the database. Read by the
    /// gateway host, which fills the empty identity settings above from it; the uplink itself reads only the files.
    /// </summary>
    public string IdentityDirectory { get; set; } = "";

    /// <summary>
    /// How long the broker keeps the session (subscriptions, queued alerts) after a disconnect; the
    /// client connects with Clean Start = false to resume it. Default seven days.
    /// </summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>MQTT keep-alive, also the period of the supervised loop's health ping. Default 60 s.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Time-out of one connect (TCP, TLS and the broker's CONNACK) and of the keep-alive ping that finds a stalled
    /// connection (a subscribe or publish without answer ends within <see cref="KeepAlive"/> plus this). Default 15 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First delay after a failed connection. Default 1 s; it doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between connection attempts. Default five minutes.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
