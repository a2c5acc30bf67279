namespace Aizu.City.Benchmarks;

/// <summary>
/// The database side of ingest alone: the same day as <see cref="CityLoad"/> (per gateway one daily and 24 hourly
/// windows, in a district of 50) handed to <see cref="AggregateStore.StoreAsync"/> in the pipeline's batches of 500,
/// by one or more writers at once, each batch timed. Without the broker and the parsing, what is left is what
/// PostgreSQL (and its triggers) cost per batch.
/// </summary>
internal static class StoreLoad
{
    private const int BatchSize = 500;

    public static async Task<string> RunAsync(string connectionString, int gateways, int writers)
    {
        await using var database = new IngestDatabase(Options.Create(new IngestOptions { ConnectionString = connectionString }), NullLogger<IngestDatabase>.Instance);
        await database.MigrateAsync(CancellationToken.None);
        var store = new AggregateStore(database, TimeProvider.System);
        var batches = Batches(gateways).ToList();
        await store.StoreAsync(batches[0], CancellationToken.None); // partitions and connection pool warm; counted below
        var latencies = new List<double>[writers];
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var batch = Stopwatch.StartNew();
                await store.StoreAsync(batches[i], CancellationToken.None);
                latencies[w].Add(batch.Elapsed.TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        var windows = (batches.Count - 1) * BatchSize;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {writers} | {windows} | {elapsed:0.0} | {windows / elapsed:0} | {Percentile(all, 0.5):0} ms | {Percentile(all, 0.95):0} ms | {all[^1]:0} ms |");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static IEnumerable<List<(EnergyWindow, DateTimeOffset, string?)>> Batches(int gateways)
    {
        var batch = new List<(EnergyWindow, DateTimeOffset, string?)>(BatchSize);
        for (var g = 0; g < gateways; g++)
        {
            var district = string.Create(CultureInfo.InvariantCulture, $"aizuwakamatsu/d{g % 50:00}");
            batch.Add(Window(g, "city-energy-planning", CityLoad.Day, TimeSpan.FromDays(1), "P1D", 8_000 + (g % 50 * 100), district));
            for (var hour = 0; hour < 24; hour++)
            {
                batch.Add(Window(g, "peak-demand-study", CityLoad.Day.AddHours(hour), TimeSpan.FromHours(1), "PT1H", 100 + (g % 7 * 100), district));
            }

            if (batch.Count >= BatchSize)
            {
                yield return batch[..BatchSize];
                batch.RemoveRange(0, BatchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static (EnergyWindow, DateTimeOffset, string?) Window(int g, string purpose, DateTimeOffset start, TimeSpan length, string aggregation, double value, string district) =>
        (new EnergyWindow(string.Create(CultureInfo.InvariantCulture, $"{purpose}-{g}-{start.ToUnixTimeSeconds()}"),
            new DataSet(purpose, string.Create(CultureInfo.InvariantCulture, $"g{g:000000}")), "elec.import.energy", start, start + length, aggregation, value, $"{purpose}-{g}@1"),
            start.AddMonths(24), district);
}
