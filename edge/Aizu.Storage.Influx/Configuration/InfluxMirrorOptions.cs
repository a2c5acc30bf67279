namespace Aizu.Storage.Influx;

/// <summary>
/// Where and how the gateway mirrors its stored readings and rollups into a household's own InfluxDB
/// (section <c>Aizu:InfluxMirror</c>). Name either an InfluxDB 2.x/3.x <see cref="Org"/> and
/// <see cref="Bucket"/>, or an InfluxDB 1.x <see cref="Database"/> (and optionally
/// <see cref="RetentionPolicy"/>).
/// </summary>
public sealed class InfluxMirrorOptions
{
    /// <summary>The configuration section the composition root binds, <c>Aizu:InfluxMirror</c>.</summary>
    public const string SectionName = "Aizu:InfluxMirror";

    /// <summary>The server's base address, for example <c>http://192.168.1.20:8086</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>InfluxDB 2.x/3.x organisation (with <see cref="Bucket"/>).</summary>
    public string Org { get; set; } = "";

    /// <summary>InfluxDB 2.x/3.x bucket (with <see cref="Org"/>).</summary>
    public string Bucket { get; set; } = "";

    /// <summary>InfluxDB 1.x database (instead of <see cref="Org"/>/<see cref="Bucket"/>). It must exist.</summary>
    public string Database { get; set; } = "";

    /// <summary>InfluxDB 1.x retention policy; empty means the database's default one.</summary>
    public string RetentionPolicy { get; set; } = "";

    /// <summary>API token (2.x/3.x). Leave empty when using <see cref="Username"/>/<see cref="Password"/> or no authentication.</summary>
    public string Token { get; set; } = "";

    /// <summary>InfluxDB 1.x user (with <see cref="Password"/>), when the server has authentication on.</summary>
    public string Username { get; set; } = "";

    /// <summary>Password of <see cref="Username"/>.</summary>
    public string Password { get; set; } = "";

    /// <summary>Which write endpoint the server has: <see cref="InfluxWriteEndpoint.V2"/> (the default) or <see cref="InfluxWriteEndpoint.V1"/> for InfluxDB 1.x before 1.8.</summary>
    public InfluxWriteEndpoint WriteEndpoint { get; set; } = InfluxWriteEndpoint.V2;

    /// <summary>Points per write request at most (5000 by default).</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>How long the mirror waits, once it has caught up, before it looks for new data (10 s by default).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether the 1-minute, 15-minute, hourly and daily rollups are mirrored too (true by default).</summary>
    public bool IncludeRollups { get; set; } = true;

    /// <summary>The longest wait between attempts while the server is unreachable (1 minute by default); waits start at 1 s and double.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one write request may take before it counts as failed (30 s by default).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
