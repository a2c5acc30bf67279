namespace Aizu.Storage.Influx.Tests.Mirror;

/// <summary>
/// The mirror against the real Debian influxd 1.6, started by each test on free ports. The client's
/// real write requests reach the server's <c>/write</c> through the mirror's 1.x endpoint translation
/// (<c>WriteEndpoint = V1</c>); what arrived is checked with InfluxQL on the server.
/// </summary>
public sealed class InfluxMirrorTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string directory = Directory.CreateTempSubdirectory("aizu-influx-mirror-").FullName;

    private string DatabasePath => Path.Combine(directory, "aizu.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Readings_and_rollups_arrive_in_influxd_as_InfluxQL_shows()
    {
        await using var influx = await InfluxServer.StartAsync();
        await influx.ExecuteAsync("CREATE DATABASE aizu");
        await using var mirror = await MirrorHost.StartAsync(MirrorHost.Settings(DatabasePath, influx.Url));
        const int Series = 3;
        const int Seconds = 7_200;
        await mirror.Store.AppendAsync(Household.Seconds(Series, 0, Seconds), CancellationToken.None);

        var minutes = Household.ClosedBuckets(Seconds, 60);
        var quarters = Household.ClosedBuckets(Seconds, 900);
        var hours = Household.ClosedBuckets(Seconds, 3_600);
        var expected = Series * (Seconds + minutes + quarters + hours);
        await mirror.WaitUpToDateAsync(Patience, expected);

        // Every reading, per series, exactly once.
        var perSeries = await influx.QueryAsync("aizu", "SELECT count(value) FROM aizu_reading GROUP BY metric");
        Assert.Equal(Series, perSeries.Count);
        Assert.All(perSeries, s => Assert.Equal((double)Seconds, s.Rows[0][1]));

        // Values and timestamps as stored.
        var one = Assert.Single(await influx.QueryAsync("aizu",
            $"SELECT value, quality, unit FROM aizu_reading WHERE metric = 'test.power.2' AND time = {Household.T0.AddSeconds(1234).ToUnixTimeMilliseconds()}ms"));
        Assert.Equal(Household.Watts(2, 1234), one.Rows[0][1]);
        Assert.Equal("Good", one.Rows[0][2]);
        Assert.Equal("W", one.Rows[0][3]);

        // Rollups: complete buckets only, with the store's numbers.
        Assert.Equal(Series * minutes, await influx.CountAsync("aizu", "SELECT count(\"count\") FROM aizu_rollup WHERE resolution = '1m'"));
        Assert.Equal(Series * quarters, await influx.CountAsync("aizu", "SELECT count(\"count\") FROM aizu_rollup WHERE resolution = '15m'"));
        Assert.Equal(Series * hours, await influx.CountAsync("aizu", "SELECT count(\"count\") FROM aizu_rollup WHERE resolution = '1h'"));
        Assert.Equal(0, await influx.CountAsync("aizu", "SELECT count(\"count\") FROM aizu_rollup WHERE resolution = '1d'"));
        var minute = Assert.Single(await influx.QueryAsync("aizu",
            $"SELECT \"count\", \"min\", \"max\", \"mean\" FROM aizu_rollup WHERE metric = 'test.power.1' AND resolution = '1m' AND time = {Household.T0.AddMinutes(7).ToUnixTimeMilliseconds()}ms"));
        var values = Enumerable.Range(420, 60).Select(s => Household.Watts(1, s)).ToArray();
        Assert.Equal(60d, minute.Rows[0][1]);
        Assert.Equal(values.Min(), minute.Rows[0][2]);
        Assert.Equal(values.Max(), minute.Rows[0][3]);
        Assert.Equal(values.Average(), (double)minute.Rows[0][4]!, 9);

        var status = mirror.Status.Current;
        Assert.Equal(expected, status.PointsSent);
        Assert.Equal(expected, status.PointsSentSinceStart);
        Assert.Equal(Household.T0.AddSeconds(Seconds - 1), status.MirroredThrough);
        Assert.NotNull(status.LastSuccessAt);
        Assert.Null(status.LastError);
        Assert.Contains("database aizu", status.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outage_and_a_mirror_restart_lose_nothing_and_send_nothing_twice()
    {
        const int Series = 4;
        const int Step = 600;
        await using var influx = await InfluxServer.StartAsync();
        await influx.ExecuteAsync("CREATE DATABASE aizu");
        var settings = MirrorHost.Settings(DatabasePath, influx.Url);
        long Expected(int seconds) => Series * (seconds + Household.ClosedBuckets(seconds, 60) + Household.ClosedBuckets(seconds, 900) + Household.ClosedBuckets(seconds, 3_600));

        long sentBeforeRestart;
        await using (var mirror = await MirrorHost.StartAsync(settings))
        {
            // A: mirrored while the server is up.
            await mirror.Store.AppendAsync(Household.Seconds(Series, 0, Step), CancellationToken.None);
            await mirror.WaitUpToDateAsync(Patience, Expected(Step));

            // The server dies; B is stored meanwhile and waits.
            await influx.StopAsync();
            await mirror.Store.AppendAsync(Household.Seconds(Series, Step, 2 * Step), CancellationToken.None);
            await Eventually.TrueAsync(
                () => mirror.Status.Current is { State: InfluxMirrorState.Retrying, ConsecutiveFailures: >= 2, LastError: not null },
                Patience, () => $"mirror did not report the outage: {mirror.Status.Current}");
            var during = mirror.Status.Current;
            output.WriteLine($"during the outage: {during}");
            Assert.Contains("cannot reach the server", during.LastError, StringComparison.Ordinal);
            Assert.NotNull(during.NextAttemptAt);
            Assert.Equal(Expected(Step), during.PointsSent);
            sentBeforeRestart = during.PointsSent;
        }

        // The gateway restarts (new store instance on the same file) while the server is still down, and C arrives.
        await using (var mirror = await MirrorHost.StartAsync(settings))
        {
            await mirror.Store.AppendAsync(Household.Seconds(Series, 2 * Step, 3 * Step), CancellationToken.None);
            await Eventually.TrueAsync(
                () => mirror.Status.Current is { State: InfluxMirrorState.Retrying, LastError: not null },
                Patience, () => $"restarted mirror did not report the outage: {mirror.Status.Current}");
            Assert.Equal(sentBeforeRestart, mirror.Status.Current.PointsSent);

            // The server comes back: B and C arrive, A is not sent again.
            await influx.RestartAsync();
            await mirror.WaitUpToDateAsync(Patience, Expected(3 * Step));
            var status = mirror.Status.Current;
            output.WriteLine($"after recovery: {status}");
            Assert.Equal(Expected(3 * Step) - sentBeforeRestart, status.PointsSentSinceStart);
            Assert.NotNull(status.LastError);
            Assert.Equal(0, status.ConsecutiveFailures);
            Assert.Null(status.NextAttemptAt);
        }

        // Every point exactly once, counted on the server.
        var perSeries = await influx.QueryAsync("aizu", "SELECT count(value) FROM aizu_reading GROUP BY metric");
        Assert.Equal(Series, perSeries.Count);
        Assert.All(perSeries, s => Assert.Equal(3d * Step, s.Rows[0][1]));
        Assert.Equal(Series * 3L * Step, await influx.CountAsync("aizu", "SELECT count(value) FROM aizu_reading"));
        Assert.Equal(Series * (long)Household.ClosedBuckets(3 * Step, 60),
            await influx.CountAsync("aizu", "SELECT count(\"count\") FROM aizu_rollup WHERE resolution = '1m'"));
        Assert.Equal(Series * (long)Household.ClosedBuckets(3 * Step, 900),
            await influx.CountAsync("aizu", "SELECT count(\"count\") FROM aizu_rollup WHERE resolution = '15m'"));

        // The minute spanning the outage boundary carries all of its readings.
        var boundary = Assert.Single(await influx.QueryAsync("aizu",
            $"SELECT \"count\" FROM aizu_rollup WHERE metric = 'test.power.0' AND resolution = '1m' AND time = {Household.T0.AddSeconds(Step - 60).ToUnixTimeMilliseconds()}ms"));
        Assert.Equal(60d, boundary.Rows[0][1]);
    }

    [Fact]
    public async Task Throughput_into_influxd_is_measured()
    {
        const int Series = 12;
        const int Seconds = 6 * 3_600;
        await using var influx = await InfluxServer.StartAsync();
        await influx.ExecuteAsync("CREATE DATABASE aizu");

        // Fill the store first, then let the mirror catch up from nothing: a pure mirror measurement.
        var settings = MirrorHost.Settings(DatabasePath, influx.Url);
        settings["Aizu:InfluxMirror:IncludeRollups"] = "false";
        using (var store = MirrorHost.Build(settings))
        {
            var readingStore = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IReadingWriter>(store.Services);
            await readingStore.AppendAsync(Household.Seconds(Series, 0, Seconds), CancellationToken.None);
        }

        var clock = Stopwatch.StartNew();
        await using var mirror = await MirrorHost.StartAsync(settings);
        await mirror.WaitUpToDateAsync(TimeSpan.FromMinutes(5), (long)Series * Seconds);
        clock.Stop();
        var total = (long)Series * Seconds;
        Assert.Equal(total, await influx.CountAsync("aizu", "SELECT count(value) FROM aizu_reading"));
        var rate = total / clock.Elapsed.TotalSeconds;
        var line = $"InfluxDB mirror: {total:N0} raw readings (12 series x 6 h at 1 Hz) into influxd 1.6 in {clock.Elapsed.TotalSeconds:F2} s = {rate:N0} points/s (batch 5000, /write via the 1.x translation, rollups off)";
        output.WriteLine(line);
        Console.WriteLine(line);
    }
}
