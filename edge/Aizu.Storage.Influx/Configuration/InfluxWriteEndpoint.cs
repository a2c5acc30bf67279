namespace Aizu.Storage.Influx;

/// <summary>Which HTTP write endpoint the InfluxDB server speaks.</summary>
public enum InfluxWriteEndpoint
{
    /// <summary>
    /// <c>/api/v2/write</c>: InfluxDB 2.x and 3.x, and 1.8 or later (which also accept it, with
    /// <c>Database</c>/<c>RetentionPolicy</c> and <c>Username</c>/<c>Password</c>). The default.
    /// </summary>
    V2 = 0,

    /// <summary>
    /// <c>/write?db=…&amp;rp=…</c>: InfluxDB 1.x before 1.8, such as Debian's <c>influxdb</c> 1.6.
    /// The client's write requests are translated to it on the way out. Needs <c>Database</c>.
    /// </summary>
    V1 = 1,
}
