namespace Aizu.City.Ingest;

/// <summary>Settings of one ingest instance (section <c>Aizu:City:Ingest</c>); validated at start-up.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Aizu:City:Ingest";

    /// <summary>Npgsql connection string of the city's PostgreSQL database.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The city broker's host.</summary>
    public string BrokerHost { get; set; } = "";

    /// <summary>The city broker's port.</summary>
    public int BrokerPort { get; set; } = 1883;

    /// <summary>TLS to the broker (mutual TLS with <see cref="ClientCertificateFile"/>).</summary>
    public bool UseTls { get; set; }

    /// <summary>PEM of the CA the broker's certificate must chain to (TLS only).</summary>
    public string CaFile { get; set; } = "";

    /// <summary>PEM certificate of this ingest identity (mutual TLS).</summary>
    public string ClientCertificateFile { get; set; } = "";

    /// <summary>PEM private key for <see cref="ClientCertificateFile"/>.</summary>
    public string ClientKeyFile { get; set; } = "";

    /// <summary>
    /// This instance's MQTT client id: unique among the instances and the same across restarts, so a
    /// restarted instance resumes its session and receives what it had not acknowledged.
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary>The shared-subscription group all instances join (<c>$share/{ShareName}/aizu/v1/dt/#</c>).</summary>
    public string ShareName { get; set; } = "city-ingest";

    /// <summary>The recipient id this ingest receives for; grants to anyone else are refused.</summary>
    public string Recipient { get; set; } = "";

    /// <summary>How long the broker keeps this instance's session while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Largest payload accepted; a SenML energy window is about 130 bytes.</summary>
    public int MaxPayloadBytes { get; set; } = 4096;

    /// <summary>How far past now a window may end (clock skew between gateways and the city).</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most data messages committed in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long a batch waits for more messages once it has one.</summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Messages received and not yet committed, at most; the broker holds the rest.</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// How long a data message whose consent reference is not known yet waits for its consent state
    /// before it is refused: the state and the data travel on different subscriptions, possibly to
    /// different instances, so a fresh grant's first window can overtake it.
    /// </summary>
    public TimeSpan ConsentGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many recent rejections are kept for operators.</summary>
    public int RecentRejections { get; set; } = 200;

    /// <summary>Where <c>/metrics</c> (Prometheus text) and <c>/status</c> (JSON) are served; empty: not served.</summary>
    public string MetricsUrl { get; set; } = "http://127.0.0.1:9464";

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retention (ISO 8601 duration) for grants that carry none.</summary>
    public string DefaultRetention { get; set; } = "P24M";

    /// <summary>PEM private key (P-256) the deletion confirmations are signed with.</summary>
    public string ConfirmationKeyPath { get; set; } = "";
}
