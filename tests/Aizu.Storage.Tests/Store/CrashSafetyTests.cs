namespace Aizu.Storage.Tests.Store;

/// <summary>
/// Kills a writer process (SIGKILL) at random points, again and again on the same file, and checks
/// after each kill that the file opens, every acknowledged reading is there with its value, no chunk
/// is damaged and the rollups agree with the raw data.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : TempDatabaseTests(commitEveryBatch: true)
{
    private const int Kills = 50;
    [Fact]
    public async Task Killing_the_writer_at_random_points_never_loses_an_acknowledged_reading_or_damages_a_chunk()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        var acknowledgements = Path.Combine(database.Directory, "acks.txt");
        var writer = Path.Combine(AppContext.BaseDirectory, "Aizu.Storage.CrashWriter.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var random = new Random(20_251_125);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var stopwatch = Stopwatch.StartNew();
        var verifying = new Stopwatch();

        for (var run = 0; run < Kills; run++)
        {
            var start = new ProcessStartInfo(dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[writer, database.FilePath, acknowledgements, run.ToString(CultureInfo.InvariantCulture)])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);

            // Wait for a random number of acknowledgements; the kill then lands wherever the writer is
            // in its next batch: encoding, mid-transaction, in the commit's fsync or writing the ack.
            var wanted = random.Next(1, 6);
            for (var seen = 0; seen < wanted;)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    Assert.Fail($"The writer exited early (run {run}): {await errors}");
                }

                if (line.StartsWith("ack", StringComparison.Ordinal))
                {
                    seen++;
                }
            }

            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync(timeout.Token);

            verifying.Start();
            await VerifyAsync(acknowledgements, run);
            verifying.Stop();
        }

        output.WriteLine($"{Kills} kills verified in {stopwatch.Elapsed.TotalSeconds:F1} s ({verifying.Elapsed.TotalSeconds:F1} s of it verifying)");
    }

    private async Task VerifyAsync(string acknowledgementPath, int run)
    {
        var acknowledged = ReadAcknowledgements(acknowledgementPath);
        Assert.NotEmpty(acknowledged);

        await using (var store = database.Open(o =>
        {
            o.RawRetentionMonths = 0;
            o.MinFreeSpaceMegabytes = 0;
        }))
        {
            var last = acknowledged.Max(a => a.Start + a.Count);
            for (var index = 0; index < CrashWorkload.Series.Count; index++)
            {
                var readings = await store.GetRangeAsync(
                    CrashWorkload.Series[index].Series, CrashWorkload.Origin, CrashWorkload.Origin.AddSeconds(last + 1_000), CancellationToken.None);
                var stored = readings.ToDictionary(r => (long)(r.Timestamp - CrashWorkload.Origin).TotalSeconds, r => r.Value);
                foreach (var (first, length, late) in acknowledged)
                {
                    foreach (var second in Enumerable.Range(0, (int)length).Select(i => first + i).Concat(late))
                    {
                        Assert.True(stored.TryGetValue(second, out var value), $"run {run}: {CrashWorkload.Series[index].Series} at {second} s was acknowledged but is missing");
                        Assert.Equal(CrashWorkload.Value(index, second), value);
                    }
                }
            }

            Assert.Equal(0, await store.VerifyAsync(CancellationToken.None));
            var count = await store.CountAsync(CancellationToken.None);
            foreach (var level in Enumerable.Range(0, 4))
            {
                Assert.Equal(count, database.Value($"SELECT coalesce(sum(count), 0) FROM rollup WHERE level = {level};"));
            }
        }

        Assert.Equal("ok", database.Value("PRAGMA integrity_check;"));
    }

    /// <summary>Complete lines of the acknowledgement file: "start count [late seconds...]".</summary>
    private static List<(long Start, long Count, long[] Late)> ReadAcknowledgements(string path)
    {
        var text = File.ReadAllText(path);
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ').Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToArray())
            .Select(numbers => (numbers[0], numbers[1], numbers[2..]))
            .ToList();
    }
}
