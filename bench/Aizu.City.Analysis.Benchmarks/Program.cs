// dotnet run -c Release --project bench/Aizu.City.Analysis.Benchmarks [-- households [requests [passes [layout]]]]
// A year of daily windows of N households (default 10 000) in 50 districts, one analyst table (level 2, by day, the
// year) asked `requests` times (default 20), each by a fresh analyst so every request does the whole work; `passes`
// (default 2) runs of those requests over the same seeded database, each with its own figures (seeding 10 000
// households takes minutes); `layout` (default cells) is the JSON layout asked for (cells or columns). With AIZU_BENCH_POSTGRES set to a directory, the cluster is kept there and seeded only on
// the first run, so two builds (before and after a change) can be measured on the same data.
var households = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var passes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var layout = args.Length > 3 ? args[3] : "cells";
const string Purpose = "district-planning";
var year = new DateOnly(2026, 1, 1);
var japan = TimeSpan.FromHours(9);

var kept = Environment.GetEnvironmentVariable("AIZU_BENCH_POSTGRES");
await using var postgres = await PostgresServer.StartAsync(keptDirectory: string.IsNullOrEmpty(kept) ? null : kept);
var seeded = string.IsNullOrEmpty(kept) ? null : Path.Combine(kept, $"seeded-{households}");
var connection = postgres.ConnectionString($"city{households}");
var seeding = Stopwatch.StartNew();
if (seeded is not null && File.Exists(seeded))
{
    Console.WriteLine($"reusing the {households} households seeded in {kept}");
}
else
{
    await postgres.CreateDatabaseAsync($"city{households}");
    await SeedAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {households} households × 365 days = {households * 365L} windows in {seeding.Elapsed.TotalSeconds:F0} s"));
    if (seeded is not null)
    {
        await File.WriteAllTextAsync(seeded, "");
    }
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Aizu:City:Analysis:ConnectionString"] = connection });
builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
builder.Services.AddAizuCityAnalysis(builder.Configuration.GetSection(AnalysisOptions.SectionName));
builder.WebHost.UseUrls("http://127.0.0.1:0");
await using var app = builder.Build();
app.MapAnalysisEndpoints();
await app.StartAsync();
using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
var database = app.Services.GetRequiredService<AnalysisDatabase>();
var directory = new AnalystDirectory(database, TimeProvider.System);
static double QuantileOf(List<double> values, double q)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(q * sorted.Count) - 1)];
}

using var body = new MemoryStream();

// Analyst names are unique, and a kept cluster holds earlier runs' analysts.
var run = Guid.NewGuid().ToString("N")[..8];
for (var pass = 1; pass <= passes; pass++)
{
    var tokens = new List<string>();
    for (var i = 0; i <= requests; i++)
    {
        tokens.Add(await directory.AddAsync($"bench-{run}-{pass}-{i}", [Purpose], CancellationToken.None));
    }

    var latencies = new List<double>();
    var phases = new Dictionary<string, List<double>>(StringComparer.Ordinal);
    foreach (var (token, i) in tokens.Select((t, i) => (t, i)))
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/statistics?purpose={Purpose}&level=2&period=day&from=2026-01-01&to=2026-12-31&layout={layout}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        // The whole body is read, into one buffer kept across requests: the client shares this process (and its
        // garbage collector) with the server, and decoding megabytes into a new string per request made the
        // server's phases pay for the client's garbage; a real client runs elsewhere.
        body.SetLength(0);
        await response.Content.CopyToAsync(body);
        watch.Stop();
        response.EnsureSuccessStatusCode();
        if (i == 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pass {pass}: first (warm-up) request: {watch.Elapsed.TotalMilliseconds:F0} ms, {body.Length / 1024} KiB"));
            continue;
        }

        latencies.Add(watch.Elapsed.TotalMilliseconds);

        // The server names its phases (Server-Timing); what it does not name is writing the JSON body and HTTP.
        var named = 0.0;
        foreach (var phase in response.Headers.GetValues("Server-Timing").SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries)))
        {
            var parts = phase.Split(";dur=");
            var milliseconds = double.Parse(parts[1], CultureInfo.InvariantCulture);
            named += milliseconds;
            (phases.TryGetValue(parts[0], out var list) ? list : phases[parts[0]] = []).Add(milliseconds);
        }

        (phases.TryGetValue("json+http", out var rest) ? rest : phases["json+http"] = []).Add(watch.Elapsed.TotalMilliseconds - named);
    }

    Console.WriteLine("phase: p50 / p95 ms (Server-Timing; json+http is the request's time the server did not name)");
    foreach (var (phase, values) in phases)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase}: {QuantileOf(values, 0.5):F1} / {QuantileOf(values, 0.95):F1}"));
    }

    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"pass {pass}: {requests} requests (50 districts × 365 days, {households} households, layout {layout}): p50 {QuantileOf(latencies, 0.5):F0} ms, p95 {QuantileOf(latencies, 0.95):F0} ms, max {latencies.Max():F0} ms; load average {load}"));
}

async Task SeedAsync()
{
    await using var ingest = new IngestDatabase(Options.Create(new IngestOptions { ConnectionString = connection }), NullLogger<IngestDatabase>.Instance);
    await ingest.MigrateAsync(CancellationToken.None);
    var store = new AggregateStore(ingest, TimeProvider.System);
    var random = new Random(2026);
    var batch = new List<(EnergyWindow, DateTimeOffset, string?)>(5_000);
    for (var h = 0; h < households; h++)
    {
        var district = $"aizuwakamatsu/d{h % 50:00}";
        for (var day = 0; day < 365; day++)
        {
            var start = new DateTimeOffset(year.AddDays(day).ToDateTime(TimeOnly.MinValue), japan).ToUniversalTime();
            batch.Add((new EnergyWindow($"{h}-{day}", new DataSet(Purpose, $"p{h:00000}"), "elec.import.energy", start, start.AddDays(1), "P1D", random.Next(6_000, 18_000), $"ref-{h}"), start.AddYears(3), district));
            if (batch.Count == batch.Capacity)
            {
                await store.StoreAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }
    }

    await store.StoreAsync(batch, CancellationToken.None);
}
