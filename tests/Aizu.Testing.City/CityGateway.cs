namespace Aizu.Testing.City;

/// <summary>
/// A real <c>aizu run --demo</c> process connected to the test's mosquitto, with the city's keys pinned and
/// a household district set, in a directory of its own. Its panel is read over HTTP.
/// </summary>
public sealed class CityGateway : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly GatewayLaunch? launch;
    private GatewayProcess process;

    private CityGateway(string directory, string gatewayId, GatewayProcess process, HttpClient http, GatewayLaunch? launch)
    {
        Directory = directory;
        GatewayId = gatewayId;
        this.process = process;
        this.launch = launch;
        Http = http;
    }

    public string Directory { get; }

    public string GatewayId { get; }

    /// <summary>The running program's process id, for a test that pauses or signals it.</summary>
    public int ProcessId => process.Id;

    public HttpClient Http { get; private set; }

    public string Output => process.Output;

    /// <summary>Whether the program has ended (by itself, unless the test stopped it).</summary>
    public bool HasExited => process.HasExited;

    public string DatabasePath => Path.Combine(Directory, "aizu-demo-data", "aizu.db");

    public static string WriteConfiguration(string directory, int brokerPort, string gatewayId, string district, string cityPublicKeyFile)
    {
        var pem = File.ReadAllText(cityPublicKeyFile);
        var config = new JsonObject
        {
            ["Aizu"] = new JsonObject
            {
                ["Uplink"] = new JsonObject
                {
                    ["Host"] = "127.0.0.1",
                    ["Port"] = brokerPort,
                    [nameof(GatewayId)] = gatewayId,
                    ["UseTls"] = false,
                    ["KeepAlive"] = "00:00:05",
                    ["ReconnectMinDelay"] = "00:00:00.200",
                    ["ReconnectMaxDelay"] = "00:00:01",
                },
                ["Egress"] = new JsonObject
                {
                    [nameof(GatewayId)] = gatewayId,
                    ["SecretPath"] = Path.Combine(directory, "pseudonym.key"),
                    ["EvaluationInterval"] = "00:00:01",
                    ["ReleaseDelay"] = "00:00:00",
                    ["CityConfirmationKeyPem"] = pem,
                },
                ["Consent"] = new JsonObject
                {
                    ["CityPublicKeyPem"] = pem,
                    ["ChangePollInterval"] = "00:00:00.200",
                },
                ["Alerts"] = new JsonObject
                {
                    ["CityKeyFile"] = cityPublicKeyFile,
                    ["KeyStateFile"] = Path.Combine(directory, "alert-keys.json"),
                    ["Household"] = new JsonObject
                    {
                        ["Geocodes"] = new JsonArray(new JsonObject { ["Name"] = "JP-District", ["Value"] = district }),
                        ["DistrictName"] = district,
                        ["Languages"] = new JsonArray("ja", "en"),
                    },
                },
            },
        };
        var path = Path.Combine(directory, "aizu.json");
        File.WriteAllText(path, config.ToJsonString(Indented));
        return path;
    }

    /// <summary>Starts the gateway; <paramref name="launch"/>, when given, says how and where (default: directly, panel on loopback).</summary>
    public static async Task<CityGateway> StartAsync(string directory, int brokerPort, string gatewayId, string district, string cityPublicKeyFile, GatewayLaunch? launch = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        WriteConfiguration(directory, brokerPort, gatewayId, district, cityPublicKeyFile);
        var (process, http) = await LaunchAsync(directory, launch);
        return new CityGateway(directory, gatewayId, process, http, launch);
    }

    /// <summary>Kills the process without warning (a power cut) and starts it again on the same files.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAgainAsync();
    }

    /// <summary>Kills the process without warning; its files stay for the test to look at or edit.</summary>
    public async Task StopAsync()
    {
        await process.DisposeAsync();
        Http.Dispose();
    }

    /// <summary>Starts the process again on the same files, after <see cref="StopAsync"/>.</summary>
    public async Task StartAgainAsync() => (process, Http) = await LaunchAsync(Directory, launch);

    /// <summary>
    /// Waits up to a minute for this gateway's "online" status among <paramref name="seen"/> (what a city subscriber
    /// received); fails with <paramref name="failure"/> and the gateway's output.
    /// </summary>
    public Task WaitOnlineAsync(Func<IEnumerable<RecordedMessage>> seen, string failure = "the gateway never came online") =>
        Eventually.TrueAsync(() => seen().Any(m => m.Topic == $"aizu/v1/status/{GatewayId}" && m.Text.Contains("online", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), () => $"{failure}:{Environment.NewLine}{Output}");

    /// <summary>GET <paramref name="path"/> on the panel (signed in) as JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}{Environment.NewLine}{Output}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<JsonElement> AlertsAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/alerts", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/alerts: {(int)response.StatusCode} {body}{Environment.NewLine}{Output}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<IReadOnlyList<JsonElement>> CurrentAlertsAsync() =>
        [.. (await AlertsAsync()).GetProperty("current").EnumerateArray()];

    public async Task<JsonElement> AcknowledgeAsync(string identifier)
    {
        using var response = await Http.PostAsync(new Uri($"/api/alerts/{Uri.EscapeDataString(identifier)}/ack", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST ack: {(int)response.StatusCode} {body}{Environment.NewLine}{Output}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Waits until the panel's current alerts satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForAlertsAsync(Func<IReadOnlyList<JsonElement>, bool> condition, string what, TimeSpan? timeout = null)
    {
        IReadOnlyList<JsonElement> current = [];
        await Eventually.TrueAsync(async () =>
        {
            current = await CurrentAlertsAsync();
            return condition(current);
        }, timeout ?? TimeSpan.FromSeconds(20), () => $"{GatewayId}: {what}; current: {JsonSerializer.Serialize(current)}{Environment.NewLine}{Output}");
        return current;
    }

    /// <summary>Waits until the gateway logged <paramref name="text"/>.</summary>
    public Task WaitForLogAsync(string text, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Output.Contains(text, StringComparison.Ordinal), timeout ?? TimeSpan.FromSeconds(20),
            () => $"{GatewayId} never logged '{text}':{Environment.NewLine}{Output}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await process.DisposeAsync();
    }

    private static async Task<(GatewayProcess Process, HttpClient Http)> LaunchAsync(string directory, GatewayLaunch? launch)
    {
        var process = GatewayProcess.StartThrough(launch?.Launcher ?? [], directory, launch?.Environment ?? new Dictionary<string, string>(),
            "run", "--demo", "--config", Path.Combine(directory, "aizu.json"), "--urls", $"http://{launch?.PanelHost ?? "127.0.0.1"}:0");
        try
        {
            var panel = await process.PanelAsync();
            return (process, await PanelSignIn.SignInAsync(panel, setupCode: process.SetupCode));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
