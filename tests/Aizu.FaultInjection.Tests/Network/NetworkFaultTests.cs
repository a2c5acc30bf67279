namespace Aizu.FaultInjection.Tests.Network;

/// <summary>
/// A bad network between the gateway and the city's broker: the real demo gateway in a network namespace of its own,
/// a real mosquitto on this machine's end of the link and the city's subscriber on <c>#</c> (on loopback, untouched),
/// which counts what the city ingest would store: one row per message id. A day of hourly windows waits behind a
/// partitioned link, then drains through 30 % random loss each way, with a blackhole and a second partition landing
/// mid-drain. Needs root (namespaces, nftables); fails, never skips, without it or without mosquitto.
/// </summary>
public sealed class NetworkFaultTests(ITestOutputHelper output)
{
    private const string GatewayId = "gw-netfault-01";
    private const int LossPercent = 30;

    // As the city-link harness configures the gateway; a fault must outlast it to be one the keep-alive has to find.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FaultHeld = 3 * KeepAlive;

    [Fact]
    public async Task Loss_blackhole_and_partition_between_gateway_and_broker_deliver_every_window_once_in_order()
    {
        var watch = Stopwatch.StartNew();
        await using var network = await GatewayNetwork.CreateAsync();
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        var home = Path.Combine(directory.Path, "home");
        var database = Path.Combine(home, "aizu-demo-data", "aizu.db");

        // One broker: the city's subscriber on loopback, the gateway on the link's far end.
        var port = FreePort.Next();
        var uplinkPort = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(port: port, parentDirectory: directory.Path,
            extraConfig: $"listener {uplinkPort.ToString(CultureInfo.InvariantCulture)} {network.BrokerAddress}");
        await using var recorder = await BrokerRecorder.StartAsync(port, TimeProvider.System, "city-ingest");

        using var household = await HouseholdSinceYesterday.PrepareAsync(city, database);
        var yesterday = household.Yesterday;

        // An exchange that gets no answer is given up after 5 s instead of the default 15 s, so that a stalled link
        // costs the test seconds, not minutes; the keep-alive is the harness's 5 s.
        var launch = new GatewayLaunch(network.Launcher, network.PanelAddress, new Dictionary<string, string>
        {
            ["AIZU_Aizu__Uplink__Host"] = network.BrokerAddress,
            ["AIZU_Aizu__Uplink__Timeout"] = "00:00:05",
        });
        await using var gateway = await CityGateway.StartAsync(home, uplinkPort, GatewayId, "07202-kitaaizu", city.PublicKeyFile, launch);
        await gateway.WaitOnlineAsync(() => recorder.Messages, "the gateway never came online through its link");

        // 1. The link is cut while idle; the household grants (the consent state's publish goes into the cut) and a
        //    day of windows waits. The gateway finds the cut with its keep-alive and says so on the panel.
        await network.PartitionAsync();
        await household.GrantHourlyEnergyAsync();
        var waiting = await SettledOutbox.WaitAsync(database, minimumData: 24, () => gateway.Output);
        var dataWaiting = waiting.Where(r => r.Kind == 0).ToList();
        Assert.All(waiting, r => Assert.Equal(0, r.State));
        await WaitForLinkAsync(gateway, connected: false, TimeSpan.FromSeconds(30), "the idle partition");

        // 2. The link returns with 30 % of its packets lost each way, and the outbox drains through it.
        await network.LoseAsync(LossPercent);
        await network.RejoinAsync();
        var drain = Stopwatch.StartNew();
        await WaitForLinkAsync(gateway, connected: true, TimeSpan.FromSeconds(60), "the lossy link");

        // 3. A third of the way, the link turns into a blackhole (nothing passes, nobody is told) for three keep-alives.
        var blackhole = await FaultMidDrainAsync(gateway, database, recorder, arrivedAtLeast: dataWaiting.Count / 3,
            network.BlackholeAsync, () => network.LoseAsync(LossPercent), "the blackhole");

        // 4. Two thirds of the way, the link is cut (no carrier) for three keep-alives.
        var partition = await FaultMidDrainAsync(gateway, database, recorder, arrivedAtLeast: 2 * dataWaiting.Count / 3,
            network.PartitionAsync, network.RejoinAsync, "the partition");

        // 5. The rest drains through the lossy link; then the loss ends.
        await Eventually.TrueAsync(async () => (await OutboxTable.ReadAsync(database)).All(r => r.State == 1), TimeSpan.FromSeconds(90),
            () => $"the outbox did not drain through the lossy link:{Environment.NewLine}{gateway.Output}");
        var drained = drain.Elapsed;
        var (dropped, passed) = await network.PacketsAsync();
        await network.ClearFilterAsync();

        var up = await WaitForLinkAsync(gateway, connected: true, TimeSpan.FromSeconds(20), "the healed link");
        Assert.Equal(0, up.GetProperty("failedAttempts").GetInt32());
        Assert.False(gateway.HasExited, $"the gateway exited:{Environment.NewLine}{gateway.Output}");

        // Everything the city received, in arrival order, against the outbox.
        var outbox = await OutboxTable.ReadAsync(database);
        Assert.True(up.GetProperty("delivered").GetInt64() >= outbox.Count, up.ToString());
        var (received, distinct) = CityDelivery.AssertEveryWindowOnceInOrder(outbox, dataWaiting, recorder.Messages, yesterday);

        var connects = Regex.Count(gateway.Output, "Connected to ");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{dataWaiting.Count} windows (and {waiting.Count - dataWaiting.Count} consent state) waited behind the cut link; drained through {LossPercent} % loss each way " +
            $"in {drained.TotalSeconds:F0} s: the filter dropped {dropped} packets and passed {passed} ({100.0 * dropped / Math.Max(1, dropped + passed):F0} % dropped, blackhole included); " +
            $"{outbox.Sum(r => r.Attempts)} publish attempts for {outbox.Count} rows; city received {received} data messages, {distinct} distinct ids " +
            $"({received - distinct} re-sent duplicates, stored once); {connects - 1} reconnects; " +
            $"{Describe("blackhole", blackhole)}; {Describe("partition", partition)}; " +
            $"{watch.Elapsed.TotalSeconds:F0} s in all"));
    }

    /// <summary>
    /// Once <paramref name="arrivedAtLeast"/> windows reached the city, applies <paramref name="fault"/> (the gateway
    /// held meanwhile, so windows are still waiting), waits for the panel to show the link down, holds the fault for
    /// <see cref="FaultHeld"/> while nothing may be delivered, heals it, and waits for the link to come back.
    /// </summary>
    private static async Task<FaultFigures> FaultMidDrainAsync(CityGateway gateway, string database, BrokerRecorder recorder, int arrivedAtLeast,
        Func<Task> fault, Func<Task> heal, string what)
    {
        await Eventually.TrueAsync(() => DistinctWindows(recorder) >= arrivedAtLeast, TimeSpan.FromSeconds(90),
            () => $"{arrivedAtLeast} windows never reached the city before {what}:{Environment.NewLine}{gateway.Output}");
        await using (await ProcessPause.StartAsync(gateway.ProcessId))
        {
            await fault();
        }

        var held = Stopwatch.StartNew();
        var arrived = DistinctWindows(recorder);
        Assert.True((await OutboxTable.ReadAsync(database)).Any(r => r.State == 0), $"nothing was left to send when {what} began");

        await WaitForLinkAsync(gateway, connected: false, FaultHeld + TimeSpan.FromSeconds(15), what);
        var noticed = held.Elapsed;
        var deliveredWhenNoticed = Delivered(await OutboxTable.ReadAsync(database));

        // Every connect into the fault gives up after the time-out and the loop tries again: the panel counts them.
        var link = default(JsonElement);
        await Eventually.TrueAsync(async () => (link = (await gateway.GetJsonAsync("/api/status")).GetProperty("cityLink")).GetProperty("failedAttempts").GetInt32() >= 2,
            TimeSpan.FromSeconds(30), () => $"no further attempt failed during {what}: {link}{Environment.NewLine}{gateway.Output}");
        if (held.Elapsed < FaultHeld)
        {
            await Task.Delay(FaultHeld - held.Elapsed);
        }

        Assert.Equal(deliveredWhenNoticed, Delivered(await OutboxTable.ReadAsync(database)));
        var heldFor = held.Elapsed;
        var failed = (await gateway.GetJsonAsync("/api/status")).GetProperty("cityLink").GetProperty("failedAttempts").GetInt32();
        await heal();
        var healed = Stopwatch.StartNew();
        await WaitForLinkAsync(gateway, connected: true, TimeSpan.FromSeconds(60), $"the end of {what}");
        return new FaultFigures(arrived, noticed, heldFor, failed, healed.Elapsed);
    }

    /// <summary>Waits until the panel's <c>cityLink</c> says <paramref name="connected"/>; down, it must also name the error.</summary>
    private static async Task<JsonElement> WaitForLinkAsync(CityGateway gateway, bool connected, TimeSpan limit, string what)
    {
        var link = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            link = (await gateway.GetJsonAsync("/api/status")).GetProperty("cityLink");
            return link.GetProperty("connected").GetBoolean() == connected;
        }, limit, () => $"the panel never showed the city link {(connected ? "up" : "down")} during {what}: {link}{Environment.NewLine}{gateway.Output}");
        if (!connected)
        {
            Assert.False(string.IsNullOrEmpty(link.GetProperty("lastError").GetString()), link.ToString());
            Assert.True(link.GetProperty("failedAttempts").GetInt32() > 0, link.ToString());
        }

        Assert.False(gateway.HasExited, $"the gateway exited during {what}:{Environment.NewLine}{gateway.Output}");
        return link;
    }

    private static string Describe(string fault, FaultFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"{fault} after {f.Arrived} windows: seen after {f.Noticed.TotalSeconds:F1} s, held {f.Held.TotalSeconds:F0} s ({f.FailedAttempts} failed attempts), connected again {f.Reconnected.TotalSeconds:F1} s after healing");

    private static int DistinctWindows(BrokerRecorder recorder) => recorder.Messages.Where(CityMessages.IsData).DistinctBy(m => m.CorrelationData).Count();

    private static int Delivered(IEnumerable<OutboxRow> outbox) => outbox.Count(r => r.State == 1);

    private sealed record FaultFigures(int Arrived, TimeSpan Noticed, TimeSpan Held, int FailedAttempts, TimeSpan Reconnected);
}
