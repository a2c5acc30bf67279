namespace Aizu.FaultInjection.Tests.Broker;

/// <summary>
/// The city's broker away for a day, then killed twice while the gateway drains what waited: the real demo gateway
/// with an hourly grant, a real mosquitto (without persistence, then with it) and the city's subscriber on <c>#</c>,
/// which counts what the city ingest would store: one row per message id (its key with the window).
/// Fails, never skips, without mosquitto.
/// </summary>
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private const string GatewayId = "gw-outage-01";
    // Started as root, mosquitto would drop to its own user, which may not write the test's directory.
    private const string PersistentBroker = """
        user root
        persistence true
        persistence_location {dir}/
        autosave_interval 1
        """;

    // Enough kills to land several inside a drain of a day's windows; each costs a broker start.
    private const int MaxMidDrainKills = 4;

    [Fact]
    public async Task A_day_of_outage_and_broker_restarts_with_and_without_persistence_deliver_every_window_once_in_order()
    {
        var watch = Stopwatch.StartNew();

        // The gateway ran yesterday; the household decides as of yesterday's (Japan) midnight, so the hourly grant
        // covers a whole day of closed windows before today's.
        await using var scene = await CityOutageScene.StartAsync();
        var (database, recorders, household) = (scene.Database, scene.Recorders, scene.Household);
        var yesterday = household.Yesterday;
        await using var gateway = await scene.StartGatewayAsync(GatewayId);

        // 1. The broker goes away; the household grants; a day of windows waits in the outbox.
        await scene.Broker.StopAsync();
        await household.GrantHourlyEnergyAsync();
        var waiting = await SettledOutbox.WaitAsync(database, minimumData: 24, () => gateway.Output);
        var dataWaiting = waiting.Where(r => r.Kind == 0).ToList();
        Assert.All(waiting, r => Assert.Equal(0, r.State));
        var down = (await gateway.GetJsonAsync("/api/status")).GetProperty("cityLink");
        Assert.False(down.GetProperty("connected").GetBoolean(), down.ToString());
        Assert.True(down.GetProperty("failedAttempts").GetInt32() > 0, down.ToString());
        Assert.False(string.IsNullOrEmpty(down.GetProperty("lastError").GetString()), down.ToString());

        // 2. It comes back without persistence (the city's subscriber first: the gateway is held meanwhile), and
        //    is killed as soon as a new window reaches the city, mid-drain, again and again while windows wait.
        var midDrainKills = 0;
        for (var restart = 0; restart < MaxMidDrainKills && (await OutboxTable.ReadAsync(database)).Any(r => r.State == 0); restart++)
        {
            var before = CityMessages.Data(recorders).Count;
            await using (await ProcessPause.StartAsync(gateway.ProcessId))
            {
                await scene.Broker.RestartAsync();
                await scene.AddRecorderAsync();
            }

            await Eventually.TrueAsync(async () => CityMessages.Data(recorders).Count > before || (await OutboxTable.ReadAsync(database)).All(r => r.State != 0),
                TimeSpan.FromSeconds(60), () => $"nothing reached the city after the broker returned:{Environment.NewLine}{gateway.Output}");

            // A broker without persistence loses, when it dies, what it acknowledged but had not yet passed on to
            // the city's subscriber (which is why the city's broker persists, docs/city.md): that loss is the
            // broker's, not the gateway's. So the gateway is held mid-drain until what it saw acknowledged has
            // reached the city, and the broker is killed then.
            await using (await ProcessPause.StartAsync(gateway.ProcessId))
            {
                await Eventually.TrueAsync(async () => await AcknowledgedReachedTheCityAsync(database, recorders), TimeSpan.FromSeconds(20),
                    () => $"a window the broker acknowledged never reached the city's subscriber:{Environment.NewLine}{scene.Broker.Output}");
                await scene.Broker.StopAsync();
            }
            midDrainKills += (await OutboxTable.ReadAsync(database)).Any(r => r.State == 0) ? 1 : 0;
        }

        var withoutSession = Regex.Count(gateway.Output, "session present: False");
        await scene.Broker.DisposeAsync();

        // 3. A mosquitto with persistence on the same port drains the rest, is killed once it has saved the
        //    gateway's session, and starts again from its persistence file: the session is still there.
        await using (await ProcessPause.StartAsync(gateway.ProcessId))
        {
            await scene.StartNewBrokerAsync(PersistentBroker);
            await scene.AddRecorderAsync();
        }

        await Eventually.TrueAsync(async () => (await OutboxTable.ReadAsync(database)).All(r => r.State == 1), TimeSpan.FromSeconds(60),
            () => $"the outbox did not drain:{Environment.NewLine}{gateway.Output}");
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // past mosquitto's autosave
        await scene.Broker.StopAsync();
        await using (await ProcessPause.StartAsync(gateway.ProcessId))
        {
            await scene.Broker.RestartAsync();
            await scene.AddRecorderAsync();
        }

        await Eventually.TrueAsync(() => gateway.Output.Contains("session present: True", StringComparison.Ordinal), TimeSpan.FromSeconds(30),
            () => $"the persistent broker forgot the gateway's session:{Environment.NewLine}{scene.Broker.Output}{Environment.NewLine}{gateway.Output}");
        Assert.True(withoutSession >= 2, $"the broker without persistence should have forgotten the session:{Environment.NewLine}{gateway.Output}");

        var up = default(JsonElement);
        await Eventually.TrueAsync(async () => (up = (await gateway.GetJsonAsync("/api/status")).GetProperty("cityLink")).GetProperty("connected").GetBoolean(),
            TimeSpan.FromSeconds(20), () => $"the panel never showed the city link up again: {up}");
        Assert.Equal(0, up.GetProperty("failedAttempts").GetInt32());

        // Everything the city received, in arrival order (each subscriber lived while one broker did), against the outbox.
        var outbox = await OutboxTable.ReadAsync(database);
        Assert.True(up.GetProperty("delivered").GetInt64() >= outbox.Count, up.ToString());
        var (received, distinct) = CityDelivery.AssertEveryWindowOnceInOrder(outbox, dataWaiting, [.. recorders.SelectMany(r => r.Messages)], yesterday);

        output.WriteLine($"outbox after the outage: {waiting.Count} rows ({dataWaiting.Count} windows); city received {received} data messages, " +
            $"{distinct} distinct ids ({received - distinct} re-sent duplicates, stored once), {midDrainKills} broker kills mid-drain; " +
            $"{outbox.Sum(r => r.Attempts)} publish attempts for {outbox.Count} rows; {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<bool> AcknowledgedReachedTheCityAsync(string database, IEnumerable<BrokerRecorder> recorders)
    {
        var arrived = CityMessages.Data(recorders).Select(m => m.CorrelationData).ToHashSet();
        return (await OutboxTable.ReadAsync(database)).Where(r => r.Kind == 0 && r.State == 1).All(r => arrived.Contains(r.MessageId));
    }
}
