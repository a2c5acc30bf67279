namespace Aizu.Storage.Influx;

/// <summary>
/// Lets InfluxDB.Client write to an InfluxDB 1.x server older than 1.8 (Debian's 1.6), which has only
/// <c>/write</c>: the client's <c>POST …/api/v2/write?org=…&amp;bucket=…&amp;precision=ms</c> becomes
/// <c>POST …/write?db=…&amp;rp=…&amp;precision=ms</c> with HTTP basic authentication. The body (line
/// protocol) is passed through untouched; every other request goes out as it is.
/// </summary>
internal sealed class InfluxV1WriteHandler : DelegatingHandler
{
    private const string V2WritePath = "/api/v2/write";
    private readonly string database;
    private readonly string retentionPolicy;
    private readonly AuthenticationHeaderValue? basic;

    public InfluxV1WriteHandler(string database, string retentionPolicy, string username, string password, HttpMessageHandler inner)
        : base(inner)
    {
        this.database = database;
        this.retentionPolicy = retentionPolicy;
        basic = string.IsNullOrEmpty(username)
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
    }

    /// <summary>The 1.x address for a 2.x write address; null when <paramref name="uri"/> is not a write.</summary>
    public Uri? Translate(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = uri.AbsolutePath;
        if (!path.EndsWith(V2WritePath, StringComparison.Ordinal))
        {
            return null;
        }

        var precision = "ms";
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == "precision")
            {
                // 2.x says ns/us/ms/s; 1.x says n/u/ms/s.
                precision = Uri.UnescapeDataString(pair[(equals + 1)..]) switch
                {
                    "ns" => "n",
                    "us" => "u",
                    var other => other,
                };
            }
        }

        var query = new StringBuilder("db=").Append(Uri.EscapeDataString(database));
        if (!string.IsNullOrEmpty(retentionPolicy))
        {
            query.Append("&rp=").Append(Uri.EscapeDataString(retentionPolicy));
        }

        query.Append("&precision=").Append(Uri.EscapeDataString(precision));
        return new UriBuilder(uri)
        {
            Path = string.Concat(path.AsSpan(0, path.Length - V2WritePath.Length), "/write"),
            Query = query.ToString(),
        }.Uri;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri && Translate(uri) is { } translated)
        {
            request.RequestUri = translated;
            request.Headers.Authorization = basic;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
