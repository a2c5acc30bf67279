namespace Aizu.Storage.Influx;

/// <summary>
/// Writes points through InfluxDB.Client's asynchronous write API, one HTTP request per call, to the
/// configured bucket (2.x/3.x) or database/retention policy (1.x: as the bucket <c>db/rp</c> on
/// <c>/api/v2/write</c>, or translated to <c>/write</c> by <see cref="InfluxV1WriteHandler"/>).
/// </summary>
internal sealed class InfluxSink : IDisposable
{
    private readonly HttpClient http;
    private readonly InfluxDBClient client;
    private readonly WriteApiAsync writer;
    private readonly string bucket;
    private readonly string org;

    public InfluxSink(InfluxMirrorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var v1 = !string.IsNullOrWhiteSpace(options.Database);
        bucket = v1 ? $"{options.Database}/{options.RetentionPolicy}" : options.Bucket;

        // 1.x ignores the organisation, but the client wants one.
        org = v1 ? "-" : options.Org;
        Target = $"{options.Url.TrimEnd('/')} {(v1 ? "database " + bucket.TrimEnd('/') : $"org {org}, bucket {bucket}")}";

        HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.WriteEndpoint == InfluxWriteEndpoint.V1)
        {
            handler = new InfluxV1WriteHandler(options.Database, options.RetentionPolicy, options.Username, options.Password, handler);
        }

        http = new HttpClient(handler) { Timeout = options.Timeout };

        // 1.8+ takes "user:password" as the token on /api/v2/write.
        var token = !string.IsNullOrEmpty(options.Token) ? options.Token
            : !string.IsNullOrEmpty(options.Username) ? options.Username + ":" + options.Password
            : null;
        var clientOptions = new InfluxDBClientOptions(options.Url)
        {
            Org = org,
            Bucket = bucket,
            Timeout = options.Timeout,
            HttpClient = http,
        };
        if (token is not null)
        {
            clientOptions.Token = token;
        }

        client = new InfluxDBClient(clientOptions);
        writer = client.GetWriteApiAsync();
    }

    /// <summary>Where the points go, for the status: address and bucket or database, without credentials.</summary>
    public string Target { get; }

    /// <summary>Writes <paramref name="points"/> in one request; throws when the server did not accept them.</summary>
    public Task WriteAsync(List<PointData> points, CancellationToken cancellationToken) =>
        writer.WritePointsAsync(points, bucket, org, cancellationToken);

    public void Dispose()
    {
        client.Dispose();
        http.Dispose();
    }
}
