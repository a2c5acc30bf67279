namespace Aizu.Panel.Benchmarks;

/// <summary>
/// The gateway alone (<c>aizu run</c>, no simulator inside it) against <c>aizu simulate broute</c> in its own process,
/// with one live panel client, on a fresh store and on a store holding months of history: bytes written to disk,
/// resident memory, CPU per reading and time to the first stored reading, all from the kernel's counts in /proc.
/// </summary>
internal static class Footprint
{
    // /proc/PID/stat counts CPU in USER_HZ, which the kernel fixes at 100 on every architecture the gateway runs on.
    private const double TicksPerSecond = 100;
    private const string RouteBId = "00112233445566778899AABBCCDDEEFF";
    private const string BRoutePassword = "0123456789AB";

    public static async Task RunAsync(int months, int seconds, TimeSpan commitWindow)
    {
        Console.WriteLine($"Commit window {commitWindow}; {seconds} s measured per store.");
        Console.WriteLine($"| store | bytes written/day | VmRSS MiB | VmHWM MiB | gateway CPU % of a core | CPU ms/reading | readings/s | start to first stored reading s | same, seen through the panel s | simulator CPU % | load average |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        await MeasureAsync("fresh", 0, seconds, commitWindow);
        if (months > 0)
        {
            await MeasureAsync($"{months} months", months, seconds, commitWindow);
        }
    }

    private static async Task MeasureAsync(string label, int months, int seconds, TimeSpan commitWindow)
    {
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu.db");
        var historyEnd = DateTimeOffset.UtcNow.AddMinutes(-1);
        if (months > 0)
        {
            await using var store = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = database }), Microsoft.Extensions.Logging.Abstractions.NullLogger<ReadingStore>.Instance, new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
            await HouseholdHistory.WriteAsync(store, historyEnd, months, CancellationToken.None);
        }

        string device = Path.Combine(directory.Path, "ttyWiSUN");
        string config = Path.Combine(directory.Path, "aizu.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Aizu = new
            {
                Household = new { TimeZone = "Asia/Tokyo" },
                Storage = new { DatabasePath = database, CommitWindow = commitWindow.ToString("c", CultureInfo.InvariantCulture) },
                BRoute = new
                {
                    DevicePath = device,
                    RouteBId,
                    Password = BRoutePassword,
                    PowerInterval = "00:00:02",
                    EnergyInterval = "00:00:30",
                    PanCachePath = Path.Combine(directory.Path, "broute-pan.json"),
                },
            },
        }));

        await using var simulator = GatewayProcess.Start(directory.Path, "simulate", "broute", "--device", device, "--route-b-id", RouteBId, "--password", BRoutePassword);
        await simulator.WaitForOutputAsync("Ctrl+C stops");

        var started = Stopwatch.StartNew();
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--config", config, "--urls", "http://127.0.0.1:0");
        var processStart = new DateTimeOffset(Process.GetProcessById(gateway.Id).StartTime.ToUniversalTime());
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        DateTimeOffset? stored = null;
        await Eventually.TrueAsync(async () => (stored = await FirstStoredAsync(http)) is not null, "the first stored reading", TimeSpan.FromMinutes(3));

        // The gateway's own stamp, not the time this harness saw it: the panel's sign-in (two PBKDF2 derivations)
        // and the polling would otherwise count as the gateway's start.
        double firstReading = (stored!.Value - processStart).TotalSeconds;
        double seenThroughPanel = started.Elapsed.TotalSeconds;

        using var live = new CancellationTokenSource();
        var client = LiveStream.ReadAsync(http, live.Token);
        await Task.Delay(TimeSpan.FromSeconds(30));

        // The count first: a panel query commits what waits, and that commit belongs before the measured time.
        long storedBefore = await StoredAsync(http);
        var before = ProcessCounters.Read(gateway.Id);
        var simulatorBefore = ProcessCounters.Read(simulator.Id);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var after = ProcessCounters.Read(gateway.Id);
        var simulatorAfter = ProcessCounters.Read(simulator.Id);
        long storedAfter = await StoredAsync(http);
        await live.CancelAsync();
        await client.ContinueWith(_ => { }, TaskScheduler.Default);

        long readings = Math.Max(1, storedAfter - storedBefore);
        double cpuSeconds = (after.CpuTicks - before.CpuTicks) / TicksPerSecond;
        double simulatorCpu = (simulatorAfter.CpuTicks - simulatorBefore.CpuTicks) / TicksPerSecond;
        double bytesPerDay = (after.WriteBytes - before.WriteBytes) * 86_400.0 / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {bytesPerDay / 1e6:F1} MB | {after.ResidentBytes / 1_048_576.0:F1} | {after.PeakResidentBytes / 1_048_576.0:F1} | {cpuSeconds * 100 / seconds:F2} | {cpuSeconds * 1000 / readings:F2} | {readings / (double)seconds:F2} | {firstReading:F2} | {seenThroughPanel:F1} | {simulatorCpu * 100 / seconds:F2} | {LoadAverage()} |"));
    }

    private static async Task<DateTimeOffset?> FirstStoredAsync(HttpClient http)
    {
        var status = await http.GetFromJsonAsync<JsonElement>("/api/status");
        return status.TryGetProperty("firstStoredAt", out var at) && at.ValueKind == JsonValueKind.String ? at.GetDateTimeOffset() : null;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task<long> StoredAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("readingsStored").GetInt64();
}
