namespace Aizu.Gateway.Tests.EndToEnd;

/// <summary><c>aizu run --demo</c> as a new user runs it, in its own process.</summary>
public sealed class DemoRunTests
{
    private static readonly TimeSpan ReadingLimit = TimeSpan.FromSeconds(30);

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task RunDemo_PrintsThePanelUrl_ServesLivePowerThatChanges_AndStoresReadings()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();
        using var http = await PanelSignIn.SignInAsync(panel, setupCode: gateway.SetupCode);

        var page = await http.GetStringAsync("/");
        Assert.Contains("js/main.js", page, StringComparison.Ordinal);

        var first = await WaitForPowerAsync(http, after: null, gateway);
        var second = await WaitForPowerAsync(http, after: first.At, gateway);
        Assert.True(second.At > first.At);

        string database = Path.Combine(directory.Path, "aizu-demo-data", "aizu.db");
        Assert.True(File.Exists(database), $"no database at {database}");
        Assert.True(await CountReadingsAsync(database) > 0);

        // The demo has no city link, so nothing about enrolling with a city broker is said.
        Assert.DoesNotContain("not enrolled", gateway.Output, StringComparison.Ordinal);

        // The simulated dongle lives in a folder of the process's own, under a random name (a folder another user
        // left with a reused process id stopped the packaged service's demo once), reachable by this user only, and
        // gone when the gateway stops.
        var dongle = System.Text.RegularExpressions.Regex.Match(gateway.Output, @"Wi-SUN dongle on (\S+) ready");
        Assert.True(dongle.Success, gateway.Output);
        var runtime = Path.GetDirectoryName(dongle.Groups[1].Value)!;
        Assert.DoesNotContain(gateway.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(runtime), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(runtime));
        Assert.Equal(0, await gateway.StopAsync());
        Assert.False(Directory.Exists(runtime), $"{runtime} is still there after the gateway stopped");
    }

    [Fact]
    public async Task KilledGateway_KeepsItsStoredReadings_AndCarriesOnAfterRestart()
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu-demo-data", "aizu.db");
        long before;
        await using (var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0"))
        {
            using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
            await WaitForPowerAsync(http, after: null, gateway);
            await WaitForStoredAsync(http, minimum: 5, gateway);
            await gateway.KillAsync();
            before = await CountReadingsAsync(database);
        }

        var restartedAt = DateTimeOffset.UtcNow;
        await using var restarted = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        using var again = await PanelSignIn.SignInAsync(await restarted.PanelAsync(), setupCode: restarted.SetupCode);
        await WaitForStoredAsync(again, minimum: before + 1, restarted);
        await WaitForPowerAsync(again, after: restartedAt, restarted);

        Assert.True(before >= 5);
        Assert.Contains("remembered PAN", restarted.Output, StringComparison.Ordinal);
        Assert.True(await CountReadingsAsync(database) > before);
    }

    [Theory]
    // A misspelt key exits with a clear message.
    [InlineData("""{ "Aizu": { "BRoute": { "PowerIntervall": "00:00:05" } } }""", "Unknown configuration key 'Aizu:BRoute:PowerIntervall'")]
    // An invalid value names its key.
    [InlineData("""{ "Aizu": { "BRoute": { "Password": "short" } } }""", "Aizu:BRoute:Password")]
    public async Task Run_WithBadConfiguration_ExitsNamingTheKey(string json, string message)
    {
        using var directory = new TemporaryDirectory();
        string config = Path.Combine(directory.Path, "aizu.json");
        await File.WriteAllTextAsync(config, json);

        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--config", config, "--urls", "http://127.0.0.1:0");

        Assert.Equal(ExitCodes.BadConfiguration, await gateway.WaitForExitAsync());
        Assert.Contains(message, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = GatewayProcess.Start(directory.Path, "--version");

        Assert.Equal(ExitCodes.Ok, await gateway.WaitForExitAsync());
        Assert.Matches(@"^\d+\.\d+\.\d+", gateway.Output.Trim());
    }

    private static async Task<(double Watts, DateTimeOffset At)> WaitForPowerAsync(HttpClient http, DateTimeOffset? after, GatewayProcess gateway)
    {
        var deadline = DateTime.UtcNow + ReadingLimit;
        while (DateTime.UtcNow < deadline)
        {
            var today = await http.GetFromJsonAsync<JsonElement>("/api/today");
            if (today.TryGetProperty("latestPowerW", out var watts) && watts.ValueKind == JsonValueKind.Number
                && today.TryGetProperty("latestAt", out var at) && at.ValueKind == JsonValueKind.String)
            {
                var stamp = at.GetDateTimeOffset();
                if (after is null || stamp > after)
                {
                    return (watts.GetDouble(), stamp);
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No new live power within {ReadingLimit}. Gateway output:{Environment.NewLine}{gateway.Output}");
    }

    private static async Task WaitForStoredAsync(HttpClient http, long minimum, GatewayProcess gateway)
    {
        var deadline = DateTime.UtcNow + ReadingLimit;
        while (DateTime.UtcNow < deadline)
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/api/status");
            if (status.GetProperty("readingsStored").GetInt64() >= minimum)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Fewer than {minimum} readings stored within {ReadingLimit}. Gateway output:{Environment.NewLine}{gateway.Output}");
    }

    // Counted through the store itself: the file format (compressed chunks) is the store's business.
    private static async Task<long> CountReadingsAsync(string database)
    {
        await using var store = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = database }), NullLogger<ReadingStore>.Instance, new Aizu.Household.HouseholdCalendar(TimeZoneInfo.Local));
        return await store.CountAsync(CancellationToken.None);
    }
}
