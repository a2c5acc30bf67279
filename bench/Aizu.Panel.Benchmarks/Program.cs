// Usage: dotnet run -c Release --project bench/Aizu.Panel.Benchmarks -- [months=13] [requests=200]
//        dotnet run -c Release --project bench/Aizu.Panel.Benchmarks -- footprint [months=13] [seconds=300] [commit window, e.g. 00:01:00]
//        dotnet run -c Release --project bench/Aizu.Panel.Benchmarks -- writes [months=13] [hours=24] [commit window]
if (args.Length > 0 && args[0] == "writes")
{
    await CommitWrites.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 13,
        args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 24,
        args.Length > 3 ? TimeSpan.Parse(args[3], CultureInfo.InvariantCulture) : new StorageOptions().CommitWindow);
    return;
}

if (args.Length > 0 && args[0] == "footprint")
{
    await Footprint.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 13,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 300,
        args.Length > 3 ? TimeSpan.Parse(args[3], CultureInfo.InvariantCulture) : new StorageOptions().CommitWindow);
    return;
}

int months = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 13;
int requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;

var directory = Path.Combine(Path.GetTempPath(), $"aizu-panel-bench-{Environment.ProcessId}");
Directory.CreateDirectory(directory);
try
{
    var database = Path.Combine(directory, "aizu.db");
    var clock = Stopwatch.StartNew();
    long readings;
    await using (var store = new ReadingStore(Options.Create(new StorageOptions { DatabasePath = database }), NullLogger<ReadingStore>.Instance, new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"))))
    {
        readings = await HouseholdHistory.WriteAsync(store, DateTimeOffset.UtcNow, months, CancellationToken.None);
    }

    Console.WriteLine($"Store: {readings:N0} readings over {months} months written in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(database).Length / 1_048_576.0:F1} MiB).");

    var config = Path.Combine(directory, "aizu.json");
    await File.WriteAllTextAsync(config, $$"""
        { "Aizu": {
            "Household": { "TimeZone": "Asia/Tokyo" },
            "Storage": { "DatabasePath": "{{database}}" },
            "Tariff": { "Currency": "JPY", "Kind": "Tiered",
              "Tiers": [ { "Name": "1", "UpToKWh": 120, "PricePerKWh": 29.80 }, { "Name": "2", "UpToKWh": 300, "PricePerKWh": 36.40 }, { "Name": "3", "PricePerKWh": 40.49 } ],
              "BasicChargePerMonth": 935.25, "FuelCostAdjustmentPerKWh": -2.50, "RenewableSurchargePerKWh": 3.49 } } }
        """);
    await using var gateway = GatewayProcess.Start(directory, "run", "--demo", "--config", config, "--urls", "http://127.0.0.1:0");
    using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);

    // 1. First load.
    var files = await PageWeight.MeasureAsync(http);
    Console.WriteLine();
    Console.WriteLine("| First load | bytes |");
    Console.WriteLine("| --- | ---: |");
    foreach (var (path, bytes) in files)
    {
        Console.WriteLine($"| `{path}` | {bytes:N0} |");
    }

    Console.WriteLine($"| **total ({files.Count} requests)** | **{files.Sum(f => f.Bytes):N0}** ({files.Sum(f => f.Bytes) / 1024.0:F1} KiB; budget 300 KB) |");

    // 2. API latency, sequential as one panel would ask, after a warm-up.
    var oneYearAgo = DateTime.UtcNow.AddMonths(-11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    string[] endpoints =
    [
        "/api/session", "/api/status", "/api/today", "/api/today/cost", "/api/live/recent",
        "/api/history?span=day", "/api/history?span=week", "/api/history?span=month", "/api/history?span=year",
        $"/api/history?span=day&date={oneYearAgo}", $"/api/history?span=month&date={oneYearAgo}",
        "/api/climate", "/api/alerts", "/api/consent", "/api/egress", "/api/settings",
    ];
    Console.WriteLine();
    Console.WriteLine($"| Endpoint ({requests} requests each) | p50 ms | p95 ms | max ms |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    foreach (var endpoint in endpoints)
    {
        using (var probe = await http.GetAsync(endpoint))
        {
            if (probe.StatusCode == HttpStatusCode.NotFound)
            {
                Console.WriteLine($"| `{endpoint}` | not served | | |");
                continue;
            }

            if (!probe.IsSuccessStatusCode)
            {
                Console.WriteLine($"| `{endpoint}` | answered {(int)probe.StatusCode} | | |");
                continue;
            }
        }

        for (int i = 0; i < 10; i++)
        {
            (await http.GetAsync(endpoint)).Dispose();
        }

        var times = new double[requests];
        for (int i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(endpoint);
            await response.Content.ReadAsByteArrayAsync();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine($"| `{endpoint}` | {times[requests / 2]:F2} | {times[(int)Math.Ceiling(requests * 0.95) - 1]:F2} | {times[^1]:F2} |");
    }

    // 3. Memory of 20 live clients: RSS settled before, then with 20 streams open and reading.
    await Task.Delay(TimeSpan.FromSeconds(5));
    long before = ProcessCounters.Read(gateway.Id).ResidentBytes;
    using var streams = new CancellationTokenSource();
    var clients = new List<Task>();
    for (int i = 0; i < 20; i++)
    {
        clients.Add(LiveStream.ReadAsync(http, streams.Token));
    }

    await Task.Delay(TimeSpan.FromSeconds(15));
    long during = ProcessCounters.Read(gateway.Id).ResidentBytes;
    await streams.CancelAsync();
    await Task.WhenAll(clients.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));
    Console.WriteLine();
    Console.WriteLine($"20 SSE clients: RSS {before / 1_048_576.0:F1} MiB before, {during / 1_048_576.0:F1} MiB with them open: +{(during - before) / 1_048_576.0:F2} MiB (budget 10 MB).");
}
finally
{
    Directory.Delete(directory, recursive: true);
}
