namespace Aizu.FaultInjection.Tests.Broker;

/// <summary>
/// The city's broker away for longer than the outbox budget (<c>Aizu:Egress:OutboxMaxPending</c>) lasts: the real
/// demo gateway with a budget of <see cref="Budget"/> windows and an hourly grant covering a day, a real mosquitto and
/// the city's subscriber on <c>#</c>. While the broker is down the panel shows at most the budget waiting and counts
/// what was dropped; once it returns the city receives exactly the newest windows, in order, each once, and none of the
/// dropped ones. Fails, never skips, without mosquitto.
/// </summary>
public sealed class OutboxBudgetOutageTests(ITestOutputHelper output)
{
    private const string GatewayId = "gw-budget-01";
    private const int Budget = 5;

    [Fact]
    public async Task An_outage_longer_than_the_outbox_budget_sends_the_newest_windows_once_in_order_and_counts_the_dropped()
    {
        var watch = Stopwatch.StartNew();
        await using var scene = await CityOutageScene.StartAsync();
        var (database, recorders, household) = (scene.Database, scene.Recorders, scene.Household);
        var yesterday = household.Yesterday;
        var launch = new GatewayLaunch([], "127.0.0.1", new Dictionary<string, string> { ["AIZU_Aizu__Egress__OutboxMaxPending"] = $"{Budget}" });
        await using var gateway = await scene.StartGatewayAsync(GatewayId, launch);

        // 1. The broker goes away; the household grants; a day of windows is decided, of which the budget waits.
        await scene.Broker.StopAsync();
        await household.GrantHourlyEnergyAsync();
        var egress = default(JsonElement);
        await Eventually.TrueAsync(async () =>
        {
            egress = (await gateway.GetJsonAsync("/api/status")).GetProperty("egress");
            return egress.GetProperty("outboxPending").GetInt32() + egress.GetProperty("outboxDroppedOverBudget").GetInt64() >= ClosedWindows(yesterday, DateTimeOffset.UtcNow);
        }, TimeSpan.FromSeconds(60), () => $"a day of windows was not decided: {egress}{Environment.NewLine}{gateway.Output}");
        var waiting = await OutboxTable.ReadAsync(database);
        var dataWaiting = waiting.Where(r => r.Kind == 0).ToList();
        egress = (await gateway.GetJsonAsync("/api/status")).GetProperty("egress");
        var dropped = egress.GetProperty("outboxDroppedOverBudget").GetInt64();
        Assert.All(waiting, r => Assert.Equal(0, r.State));
        Assert.Equal(Budget, egress.GetProperty("outboxMaxPending").GetInt32());
        Assert.Equal(Budget, egress.GetProperty("outboxPending").GetInt32());
        Assert.Equal(Budget, dataWaiting.Count);
        Assert.True(dropped > 0 && egress.GetProperty("lastOutboxDropAt").ValueKind == JsonValueKind.String, egress.ToString());
        // Each drop is logged once, in one line that says how many went.
        var logged = Regex.Matches(gateway.Output, $@"Outbox over its budget of {Budget} data windows .*?: dropped the (\d+) oldest").Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.True(dropped == logged, $"{dropped} dropped, {logged} logged:{Environment.NewLine}{gateway.Output}");

        // 2. The broker returns (the city's subscriber first: the gateway is held meanwhile) and the outbox drains.
        await using (await ProcessPause.StartAsync(gateway.ProcessId))
        {
            await scene.Broker.RestartAsync();
            await scene.AddRecorderAsync();
        }

        var outbox = waiting;
        await Eventually.TrueAsync(async () =>
        {
            outbox = await OutboxTable.ReadAsync(database);
            var arrived = CityMessages.Data(recorders).Select(m => m.CorrelationData).ToHashSet();
            return outbox.All(r => r.State == 1) && outbox.Where(r => r.Kind == 0).All(r => arrived.Contains(r.MessageId));
        }, TimeSpan.FromSeconds(60), () => $"the outbox did not drain:{Environment.NewLine}{gateway.Output}");

        // The city holds exactly the windows kept: the newest, hourly from the first one not dropped (so the dropped
        // count is the windows decided less the budget), each under one id, the consent state first.
        var received = recorders.Skip(1).SelectMany(r => r.Messages).ToList();
        var newest = yesterday + TimeSpan.FromHours(dropped);
        var (data, distinct) = CityDelivery.AssertEveryWindowOnceInOrder(outbox, dataWaiting, received, newest);
        Assert.Equal(dropped + Budget, ClosedWindows(yesterday, CityMessages.WindowStart(received.Where(CityMessages.IsData).Take(Budget).Last()) + TimeSpan.FromHours(1)));
        Assert.DoesNotContain(recorders[0].Messages, CityMessages.IsData);
        GatewayOutput.AssertNoStackTrace(gateway.Output);
        var after = (await gateway.GetJsonAsync("/api/status")).GetProperty("egress");
        Assert.Equal(0, after.GetProperty("outboxPending").GetInt32());
        Assert.Equal(dropped, after.GetProperty("outboxDroppedOverBudget").GetInt64());

        output.WriteLine($"budget {Budget}: {dropped + Budget} windows decided during the outage, {dropped} dropped, {dataWaiting.Count} waited; "
            + $"the city received {data} data messages ({distinct} distinct ids), windows from {newest:O}; {watch.Elapsed.TotalSeconds:F0} s");
    }

    private static int ClosedWindows(DateTimeOffset first, DateTimeOffset at) => (int)Math.Floor((at - first).TotalHours);
}
