namespace Aizu.Storage.Benchmarks;

/// <summary>
/// Starts the installed InfluxDB 1.6 on free loopback ports with a throw-away data directory, writes the
/// one-day data set over HTTP line protocol, waits for the shard to be compacted and sizes its TSM files.
/// </summary>
public static class InfluxBenchmark
{
    public const string Daemon = "/usr/bin/influxd";

    /// <summary>What the run measured.</summary>
    public sealed record InfluxRun(TimeSpan WriteElapsed, long Points, long TsmBytes, int TsmFiles, TimeSpan CompactionWait)
    {
        public double PointsPerSecond => Points / WriteElapsed.TotalSeconds;
    }

    /// <param name="linesPerRequest">Points per POST: the store's batch size, so both acknowledge equal batches (InfluxDB syncs its WAL before it answers, as the store commits before AppendAsync returns).</param>
    public static async Task<InfluxRun> RunAsync(IReadOnlyList<Reading> day, int linesPerRequest, string directory, TextWriter log, CancellationToken cancellationToken)
    {
        var root = Path.Combine(directory, "influx");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        var httpPort = FreePort();
        var rpcPort = FreePort();
        var config = Path.Combine(root, "influxdb.conf");
        await File.WriteAllTextAsync(config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"

            [meta]
              dir = "{root}/meta"

            [data]
              dir = "{root}/data"
              wal-dir = "{root}/wal"
              query-log-enabled = false
              cache-snapshot-write-cold-duration = "2s"
              compact-full-write-cold-duration = "5s"

            [http]
              bind-address = "127.0.0.1:{httpPort}"
              log-enabled = false

            [monitor]
              store-enabled = false

            [continuous_queries]
              enabled = false
            """, cancellationToken);

        var start = new ProcessStartInfo(Daemon) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-config");
        start.ArgumentList.Add(config);
        using var daemon = Process.Start(start) ?? throw new InvalidOperationException("influxd did not start.");
        var daemonLog = new StringBuilder();
        daemon.ErrorDataReceived += (_, e) => { lock (daemonLog) { daemonLog.AppendLine(e.Data); } };
        daemon.OutputDataReceived += (_, e) => { lock (daemonLog) { daemonLog.AppendLine(e.Data); } };
        daemon.BeginErrorReadLine();
        daemon.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitForPingAsync(http, daemon, daemonLog, cancellationToken);
            using (var create = await http.PostAsync(new Uri("/query?q=CREATE%20DATABASE%20bench", UriKind.Relative), null, cancellationToken))
            {
                create.EnsureSuccessStatusCode();
            }

            // Line protocol built before timing: the measurement is InfluxDB's ingest, not string formatting.
            var bodies = new List<byte[]>();
            var text = new StringBuilder();
            for (var i = 0; i < day.Count; i++)
            {
                var reading = day[i];
                text.Append("power,series=").Append(reading.Series).Append(" value=")
                    .Append(((long)reading.Value).ToString(CultureInfo.InvariantCulture)).Append("i ")
                    .Append(reading.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
                if ((i + 1) % linesPerRequest == 0 || i == day.Count - 1)
                {
                    bodies.Add(Encoding.UTF8.GetBytes(text.ToString()));
                    text.Clear();
                }
            }

            var stopwatch = Stopwatch.StartNew();
            foreach (var body in bodies)
            {
                using var content = new ByteArrayContent(body);
                using var response = await http.PostAsync(new Uri("/write?db=bench&precision=s", UriKind.Relative), content, cancellationToken);
                if (response.StatusCode != HttpStatusCode.NoContent)
                {
                    throw new InvalidOperationException($"InfluxDB refused a write: {response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }

            var writeElapsed = stopwatch.Elapsed;
            log.WriteLine($"  InfluxDB took the writes in {writeElapsed.TotalSeconds:F2} s; waiting for the shard to go cold and be compacted ...");

            var waited = Stopwatch.StartNew();
            var (bytes, files) = await WaitForCompactionAsync(Path.Combine(root, "data"), Path.Combine(root, "wal"), cancellationToken);
            return new InfluxRun(writeElapsed, day.Count, bytes, files, waited.Elapsed);
        }
        finally
        {
            daemon.Kill(entireProcessTree: true);
            await daemon.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPingAsync(HttpClient http, Process daemon, StringBuilder daemonLog, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (daemon.HasExited)
            {
                throw new InvalidOperationException($"influxd exited with {daemon.ExitCode}: {daemonLog}");
            }

            try
            {
                using var ping = await http.GetAsync(new Uri("/ping", UriKind.Relative), cancellationToken);
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("influxd did not answer /ping within 60 s.");
    }

    /// <summary>Polls until the WAL is empty and the set of TSM files has not changed for 15 s (at most 5 minutes).</summary>
    private static async Task<(long Bytes, int Files)> WaitForCompactionAsync(string dataDirectory, string walDirectory, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var stableSince = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            var tsm = Directory.Exists(dataDirectory)
                ? Directory.GetFiles(dataDirectory, "*.tsm", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToArray()
                : [];
            var walBytes = Directory.Exists(walDirectory)
                ? Directory.GetFiles(walDirectory, "*.wal", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
                : 0;
            var signature = string.Join('|', tsm.Select(f => $"{f.Name}:{f.Length}").Order(StringComparer.Ordinal)) + $"|wal:{walBytes}";
            if (signature != last)
            {
                last = signature;
                stableSince.Restart();
            }
            else if (tsm.Length > 0 && walBytes == 0 && stableSince.Elapsed > TimeSpan.FromSeconds(15))
            {
                return (tsm.Sum(f => f.Length), tsm.Length);
            }

            await Task.Delay(1_000, cancellationToken);
        }

        throw new TimeoutException("InfluxDB did not finish compacting within 5 minutes.");
    }
}
