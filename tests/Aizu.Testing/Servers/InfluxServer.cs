namespace Aizu.Testing;

/// <summary>
/// A real Debian <c>influxd</c> (1.6) started by a test on free loopback ports with a configuration and
/// data in a temporary directory. Fails, never skips, when influxd is not installed: run
/// <c>sudo bash .ci/install-deps</c>.
/// </summary>
public sealed class InfluxServer : IAsyncDisposable
{
    /// <summary>Where Debian's influxdb package installs the server.</summary>
    public const string DefaultExecutable = "/usr/bin/influxd";
    private readonly ServerProcess server;
    private readonly string directory;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private InfluxServer(ServerProcess server, string directory, int port)
    {
        this.server = server;
        this.directory = directory;
        Port = port;
    }

    /// <summary>The HTTP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The HTTP base address.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>What influxd printed, for failure messages.</summary>
    public string Output => server.Output;

    /// <summary>Starts influxd and waits until <c>/ping</c> answers.</summary>
    /// <exception cref="InvalidOperationException">influxd is not installed.</exception>
    public static async Task<InfluxServer> StartAsync(string executable = DefaultExecutable)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"aizu-influxd-{Guid.NewGuid():N}");
        var configPath = Path.Combine(directory, "influxd.conf");
        var server = ServerProcess.For(executable, ["-config", configPath], "install influxdb (the InfluxDB mirror tests need the real Debian InfluxDB 1.6): sudo bash .ci/install-deps");
        Directory.CreateDirectory(directory);

        var port = FreePort.Next();
        var rpcPort = FreePort.Next();
        var config = string.Create(CultureInfo.InvariantCulture, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"

            [meta]
              dir = "{directory}/meta"

            [data]
              dir = "{directory}/data"
              wal-dir = "{directory}/wal"
              query-log-enabled = false

            [retention]
              enabled = false

            [shard-precreation]
              enabled = false

            [monitor]
              store-enabled = false

            [http]
              enabled = true
              bind-address = "127.0.0.1:{port}"
              log-enabled = false

            [continuous_queries]
              enabled = false

            [subscriber]
              enabled = false
            """);
        await File.WriteAllTextAsync(configPath, config);
        var influx = new InfluxServer(server, directory, port);
        await influx.RestartAsync();
        return influx;
    }

    /// <summary>Kills influxd (no clean shutdown: the mirror sees connections refused). Data written so far stays on disk.</summary>
    public Task StopAsync() => server.StopAsync();

    /// <summary>Starts influxd (again) on the same port and data directory, and waits until <c>/ping</c> answers.</summary>
    public async Task RestartAsync()
    {
        server.Start();
        await Eventually.TrueAsync(async () =>
        {
            if (server.ExitCode is { } exit)
            {
                throw new InvalidOperationException($"influxd exited with {exit}: {Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"{Url}/ping"));
                return response.StatusCode == HttpStatusCode.NoContent;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), () => $"influxd to answer /ping on {Port}: {Output}");
    }

    /// <summary>Runs an InfluxQL statement that changes something (CREATE DATABASE …).</summary>
    public async Task ExecuteAsync(string statement)
    {
        using var content = new FormUrlEncodedContent([new("q", statement)]);
        using var response = await http.PostAsync(new Uri($"{Url}/query"), content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"influxd refused '{statement}': {(int)response.StatusCode} {body}");
        }
    }

    /// <summary>Runs an InfluxQL query against <paramref name="database"/> and returns the first statement's series.</summary>
    public async Task<IReadOnlyList<QuerySeries>> QueryAsync(string database, string query)
    {
        var uri = new Uri($"{Url}/query?db={Uri.EscapeDataString(database)}&epoch=ms&q={Uri.EscapeDataString(query)}");
        using var response = await http.GetAsync(uri);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"influxd refused '{query}': {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        var result = json.RootElement.GetProperty("results")[0];
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"influxd refused '{query}': {error.GetString()}");
        }

        var list = new List<QuerySeries>();
        if (!result.TryGetProperty("series", out var series))
        {
            return list;
        }

        foreach (var s in series.EnumerateArray())
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (s.TryGetProperty("tags", out var tagObject))
            {
                foreach (var tag in tagObject.EnumerateObject())
                {
                    tags[tag.Name] = tag.Value.GetString() ?? "";
                }
            }

            var columns = s.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToArray();
            var rows = s.GetProperty("values").EnumerateArray()
                .Select(row => row.EnumerateArray().Select(v => v.ValueKind switch
                {
                    JsonValueKind.Number => (object?)v.GetDouble(),
                    JsonValueKind.String => v.GetString(),
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                }).ToArray())
                .ToArray();
            list.Add(new QuerySeries(s.GetProperty("name").GetString()!, tags, columns, rows));
        }

        return list;
    }

    /// <summary>The single number a <c>SELECT count(…)</c> answers (0 when there are no points).</summary>
    public async Task<long> CountAsync(string database, string query)
    {
        var series = await QueryAsync(database, query);
        return series.Count == 0 ? 0 : (long)(double)series[0].Rows[0][1]!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        http.Dispose();
        ServerProcess.DeleteDirectory(directory);
    }
}
