namespace Aizu.City.Tests;

/// <summary>
/// One ingest instance as a city runs it: the real <c>aizu-city ingest run</c> in its own process,
/// configured through environment variables, killable with SIGKILL and started again with the same
/// client id (so it resumes its MQTT session).
/// </summary>
internal sealed class IngestProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // The status command asks one URL and prints; a minute means it hangs.
    private static readonly TimeSpan StatusLimit = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, string> environment;
    private readonly StringBuilder output = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? process;

    private IngestProcess(string clientId, int metricsPort, Dictionary<string, string> environment)
    {
        ClientId = clientId;
        MetricsUrl = $"http://127.0.0.1:{metricsPort}";
        this.environment = environment;
    }

    public string ClientId { get; }

    public string MetricsUrl { get; }

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

    /// <summary>Starts an instance and waits until it has subscribed.</summary>
    public static async Task<IngestProcess> StartAsync(string clientId, int brokerPort, string connectionString, string keyPath, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = FreePort.Next();
        var prefix = "Aizu__City__Ingest__";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "ConnectionString"] = connectionString,
            [prefix + "BrokerHost"] = "127.0.0.1",
            [prefix + "BrokerPort"] = brokerPort.ToString(CultureInfo.InvariantCulture),
            [prefix + "ClientId"] = clientId,
            [prefix + "Recipient"] = CityTestSetup.Recipient,
            [prefix + "MetricsUrl"] = $"http://127.0.0.1:{port}",
            [prefix + "ConfirmationKeyPath"] = keyPath,
            [prefix + "ConsentGrace"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[prefix + key] = value;
        }

        var ingest = new IngestProcess(clientId, port, environment);
        await ingest.RestartAsync();
        return ingest;
    }

    /// <summary>Starts the process (again) and waits until /status says it is connected.</summary>
    public async Task RestartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "aizu-city.dll"));
        info.ArgumentList.Add("ingest");
        info.ArgumentList.Add("run");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aizu-city ingest {ClientId} exited with {process.ExitCode}: {Output}");
            }

            return (await TryStatusAsync())?.Connected == true;
        }, TimeSpan.FromSeconds(90), () => $"ingest {ClientId} to connect: {Output}");
    }

    /// <summary>SIGKILL: no shutdown, no acknowledgement, no flush, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    /// <summary>The instance's /status, or null while it does not answer.</summary>
    public async Task<IngestStatus?> TryStatusAsync()
    {
        try
        {
            return await http.GetFromJsonAsync<IngestStatus>(new Uri($"{MetricsUrl}/status"), Web);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>What <c>aizu-city ingest status --url …</c> prints for this instance, and its exit code.</summary>
    public async Task<(int ExitCode, string Output)> StatusCommandAsync()
    {
        var status = await Command.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "aizu-city.dll"), "ingest", "status", "--url", MetricsUrl], StatusLimit);
        return (status.ExitCode, status.Printed);
    }

    /// <summary>The instance's /metrics text.</summary>
    public Task<string> MetricsAsync() => http.GetStringAsync(new Uri($"{MetricsUrl}/metrics"));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
