namespace Aizu.Storage.Benchmarks;

/// <summary>
/// Builds (or reuses) a store holding months of 1 Hz data for the 12 series and times the panel's two
/// heavy queries on it: a year of daily values, and one day downsampled to 1000 points.
/// </summary>
public static class QueryBenchmark
{
    public static readonly DateTimeOffset FirstDay = new(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Latencies of one query shape, in milliseconds.</summary>
    public sealed record Latencies(string Query, int Runs, double Median, double P95, double Max, double CpuPerQuery, int PointsReturned);

    /// <summary>
    /// Generation goes through the public <see cref="ReadingStore.AppendAsync"/> a day (1 036 800 readings)
    /// per call, so the chunks, open rows and rollups are exactly what live ingest would leave.
    /// </summary>
    public static async Task<(int Days, TimeSpan Elapsed, bool Reused)> EnsureStoreAsync(string path, int months, TextWriter log)
    {
        var days = (int)(FirstDay.AddMonths(months) - FirstDay).TotalDays;
        var marker = path + $".{days}days.complete";
        if (File.Exists(marker) && File.Exists(path))
        {
            return (days, TimeSpan.Zero, true);
        }

        DiskAndIngestBenchmark.DeleteDatabase(path);
        File.Delete(marker);
        var data = new BenchmarkData(seed: 4_242);
        var buffer = new Reading[BenchmarkData.SeriesCount * BenchmarkData.SecondsPerDay];
        var stopwatch = Stopwatch.StartNew();
        var appending = new Stopwatch();
        await using (var store = BenchmarkStore.Open(path))
        {
            for (var day = 0; day < days; day++)
            {
                data.OneDay(FirstDay.AddDays(day), buffer);
                appending.Start();
                await store.AppendAsync(buffer, CancellationToken.None);
                appending.Stop();
                if ((day + 1) % 30 == 0)
                {
                    log.WriteLine($"  generated {day + 1} of {days} days ({stopwatch.Elapsed.TotalSeconds:F0} s, {(day + 1) * (double)buffer.Length / appending.Elapsed.TotalSeconds / 1e6:F2} M readings/s appending)");
                }
            }
        }

        SqliteFile.Checkpointed(path);
        await File.WriteAllTextAsync(marker, "");
        return (days, stopwatch.Elapsed, false);
    }

    public static async Task<IReadOnlyList<Latencies>> RunAsync(string path, int days, int runs)
    {
        var lastDay = FirstDay.AddDays(days);
        var random = new Random(99);
        await using var store = BenchmarkStore.Open(path);

        async Task<Latencies> Measure(string name, Func<string, DateTimeOffset, Task<int>> query)
        {
            // Warm-up: JIT, SQLite's page cache and the OS cache, as on a gateway that has been running.
            for (var i = 0; i < 20; i++)
            {
                await query(BenchmarkData.SeriesNames[random.Next(BenchmarkData.SeriesCount)], FirstDay.AddDays(random.Next(days)));
            }

            var times = new double[runs];
            var points = 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < runs; i++)
            {
                var series = BenchmarkData.SeriesNames[random.Next(BenchmarkData.SeriesCount)];
                var day = FirstDay.AddDays(random.Next(days));
                var stopwatch = Stopwatch.StartNew();
                points = await query(series, day);
                times[i] = stopwatch.Elapsed.TotalMilliseconds;
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
            Array.Sort(times);
            return new Latencies(name, runs, times[runs / 2], times[(int)Math.Ceiling(runs * 0.95) - 1], times[^1], cpu, points);
        }

        return
        [
            await Measure("a year of daily values (Resolution.Day, 1000 points)", async (series, _) =>
                (await store.GetRangeAsync(series, lastDay.AddDays(-365), lastDay, Resolution.Day, 1_000, CancellationToken.None)).Points.Count),
            await Measure("a day at 1 Hz to 1000 points (Resolution.Auto → 1-min rollups)", async (series, day) =>
                (await store.GetRangeAsync(series, day, day.AddDays(1), Resolution.Auto, 1_000, CancellationToken.None)).Points.Count),
            await Measure("a day at 1 Hz to 1000 points from raw chunks (Resolution.Raw)", async (series, day) =>
                (await store.GetRangeAsync(series, day, day.AddDays(1), Resolution.Raw, 1_000, CancellationToken.None)).Points.Count),
            await Measure("a year to 1000 points (Resolution.Auto → hourly rollups)", async (series, _) =>
                (await store.GetRangeAsync(series, lastDay.AddDays(-365), lastDay, Resolution.Auto, 1_000, CancellationToken.None)).Points.Count),
        ];
    }
}
