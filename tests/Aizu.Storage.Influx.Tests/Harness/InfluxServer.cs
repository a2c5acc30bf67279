using Aizu.Testing.Uplink;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Aizu.Storage.Influx.Tests;

/// <summary>
/// A real Debian <c>influxd</c> (1.6) started by a test on free loopback ports with a configuration and
/// data in a temporary directory. Fails, never skips, when influxd is not installed: run
/// <c>sudo bash .ci/install-deps</c>.
/// </summary>
internal sealed class InfluxServer : IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/influxd";
    private readonly string executable;
    private readonly string directory;
    private readonly string configPath;
    private readonly StringBuilder output = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? process;

    private InfluxServer(string executable, string directory, string configPath, int port)
    {
        this.executable = executable;
        this.directory = directory;
        this.configPath = configPath;
        Port = port;
    }

    /// <summary>The HTTP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The HTTP base address.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>What influxd printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts influxd and waits until <c>/ping</c> answers.</summary>
    /// <exception cref="InvalidOperationException">influxd is not installed.</exception>
    public static async Task<InfluxServer> StartAsync(string executable = DefaultExecutable)
    {
        if (!File.Exists(executable))
        {
            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? " (CI=true)" : "";
            throw new InvalidOperationException(
                $"influxd is not installed{ci}: {executable} is missing. The InfluxDB mirror tests need the real Debian InfluxDB 1.6; run `sudo bash .ci/install-deps`.");
        }

        var directory = Directory.CreateTempSubdirectory("aizu-influxd-").FullName;
        var port = FreePort();
        var rpcPort = FreePort();
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
        var configPath = Path.Combine(directory, "influxd.conf");
        await File.WriteAllTextAsync(configPath, config);
        var server = new InfluxServer(executable, directory, configPath, port);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills influxd (no clean shutdown: the mirror sees connections refused). Data written so far stays on disk.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>Starts influxd again on the same port and data directory.</summary>
    public Task RestartAsync() => StartProcessAsync();

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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        http.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProcessAsync()
    {
        var info = new ProcessStartInfo(executable, ["-config", configPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {process.ExitCode}: {Output}");
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
        }, TimeSpan.FromSeconds(30), () => $"influxd did not answer /ping on {Port}: {Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
