namespace Aizu.FaultInjection.Tests.Hardware;

/// <summary>
/// The real gateway program (<c>aizu run --config</c>) reading two simulated DS18B20 thermometers on a 1-wire tree in
/// the test's directory (the only sensor bus another process can reach: the simulated I2C chips live inside the process
/// that opens them) and a simulated P1 meter. One thermometer stops answering (<see cref="SimulatedFault.Nack"/>: it
/// leaves the bus) twice for a few seconds. The gateway says so in one line per episode and one when it answers again,
/// stores nothing of it meanwhile and its readings again afterwards, exactly what it measured; the other thermometer and
/// the meter carry on without a gap.
/// </summary>
public sealed class SensorNackTests(ITestOutputHelper log)
{
    private const string Failing = "28-00000000a1b2";
    private const string Steady = "28-00000000c3d4";
    private const int Episodes = 2;

    // Quantised as the chip does (1/16 °C), so what is stored is exactly this.
    private const double FailingCelsius = 20.5;
    private const double SteadyCelsius = 18.25;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    // How soon /api/status must say the thermometer left the bus or answers again: a poll, a read and a busy machine.
    private static readonly TimeSpan StatusLimit = TimeSpan.FromSeconds(10);

    // The longest time between two readings of a source that is not failing: a poll, a late poll and a busy machine.
    private static readonly TimeSpan LongestGap = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task A_thermometer_that_stops_answering_is_reported_once_per_episode_and_read_again_and_nothing_else_is_held_up()
    {
        var watch = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();
        var w1 = Path.Combine(directory.Path, "w1");
        var tree = new SimulatedW1Tree(w1, TimeProvider.System);
        var failing = tree.AddThermometer(Failing, new FixedIndoorClimate(new IndoorConditions(FailingCelsius, 45, 1013, 600)));
        tree.AddThermometer(Steady, new FixedIndoorClimate(new IndoorConditions(SteadyCelsius, 50, 1013, 600)));
        using var stop = new CancellationTokenSource();
        var refreshing = tree.RunAsync(TimeSpan.FromMilliseconds(200), stop.Token);
        await using var meter = await DsmrSimulation.StartAsync(
            new SimulatedP1Options { DevicePath = Path.Combine(directory.Path, "ttyP1"), TelegramInterval = Poll }, TimeProvider.System, CancellationToken.None);

        await using var gateway = MeterGateway.Start(
            directory.Path,
            "Dsmr",
            new JsonObject { ["DevicePath"] = meter.DevicePath, ["PowerInterval"] = "00:00:00.1", ["EnergyInterval"] = "00:00:01" },
            new Dictionary<string, JsonObject>
            {
                ["IndoorSensors"] = new()
                {
                    ["W1DevicesPath"] = w1,
                    ["PollInterval"] = "00:00:01",
                    ["Sensors"] = new JsonArray(Thermometer(Failing, "hallway"), Thermometer(Steady, "bedroom")),
                },
            });
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        await Eventually.TrueAsync(async () => await MeasuredAtAsync(http, "hallway") is not null, Limit, () => $"the hallway on the panel:{Environment.NewLine}{gateway.Output}");

        var outages = new List<(DateTimeOffset From, DateTimeOffset To)>();
        var reportedAfter = new List<TimeSpan>();
        for (int episode = 1; episode <= Episodes; episode++)
        {
            var from = DateTimeOffset.UtcNow;
            // The tree's own loop applies it within its 200 ms (only that loop may rewrite the tree).
            failing.Fault = SimulatedFault.Nack;
            var reported = await StatusChangesAsync(http, answering: false, gateway);
            var offBus = await SensorAsync(http, "hallway");
            Assert.True(offBus.GetProperty("notAnsweringSince").GetDateTimeOffset() >= from, offBus.ToString());
            Assert.StartsWith("not on the bus: ", offBus.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            Assert.True((await SensorAsync(http, "bedroom")).GetProperty("answering").GetBoolean(), "the bedroom's thermometer still answers");
            reportedAfter.Add(reported);
            await GatewayOutput.LinesAsync(gateway, $"DS18B20 {Failing} (hallway) is not on the bus", episode);
            await Task.Delay(Outage > reported ? Outage - reported : TimeSpan.Zero);

            // Meanwhile the panel's hallway stays at its last measurement, the bedroom's moves on.
            var hallway = await MeasuredAtAsync(http, "hallway");
            var bedroom = await MeasuredAtAsync(http, "bedroom");
            Assert.True(hallway <= from + Poll, $"the panel shows the hallway measured at {hallway:O}, after it left the bus at {from:O}");
            Assert.True(bedroom > from + Outage - LongestGap, $"the panel shows the bedroom measured at {bedroom:O}, {Outage} after {from:O}");

            failing.Fault = SimulatedFault.None;
            outages.Add((from, DateTimeOffset.UtcNow));
            reportedAfter.Add(await StatusChangesAsync(http, answering: true, gateway));
            Assert.Equal(JsonValueKind.Null, (await SensorAsync(http, "hallway")).GetProperty("notAnsweringSince").ValueKind);
            await GatewayOutput.LinesAsync(gateway, $"DS18B20 {Failing} (hallway) is answering again", episode);
        }

        var resumed = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(async () => await MeasuredAtAsync(http, "hallway") > resumed, Limit, () => $"the hallway read again:{Environment.NewLine}{gateway.Output}");
        Assert.True(await gateway.StopAsync() == 0, gateway.Output);
        await stop.CancelAsync();
        await refreshing;

        // One line when it left the bus and one when it came back, per episode; nothing about the other thermometer.
        Assert.True(Episodes == GatewayOutput.Lines(gateway, $"DS18B20 {Failing} (hallway) is not on the bus"), gateway.Output);
        Assert.True(Episodes == GatewayOutput.Lines(gateway, $"DS18B20 {Failing} (hallway) is answering again"), gateway.Output);
        Assert.True(0 == GatewayOutput.Lines(gateway, Steady + " (bedroom) is not") + GatewayOutput.Lines(gateway, Steady + " (bedroom) did not"), gateway.Output);
        GatewayOutput.AssertNoStackTrace(gateway);

        var raw = (await StoreSnapshot.ReadAsync(MeterGateway.DatabasePath(directory.Path))).Raw;
        var hallwaySeries = SeriesNames.Indoor("hallway", IndoorQuantity.Temperature);
        var bedroomSeries = SeriesNames.Indoor("bedroom", IndoorQuantity.Temperature);
        var hallwayReadings = raw.Where(p => p.Series == hallwaySeries).ToList();
        Assert.All(hallwayReadings, p => Assert.Equal(FailingCelsius, p.Value));
        Assert.All(raw.Where(p => p.Series == bedroomSeries), p => Assert.Equal(SteadyCelsius, p.Value));
        foreach (var (from, to) in outages)
        {
            // A read already under way when the sensor left may still land just after.
            var during = hallwayReadings.Where(p => p.Timestamp > from + Poll && p.Timestamp < to).ToList();
            Assert.True(during.Count == 0, $"{during.Count} hallway readings stored while it was off the bus ({from:O} to {to:O})");
            Assert.Contains(hallwayReadings, p => p.Timestamp > to);
        }

        // The other thermometer and the meter were read throughout.
        var first = outages[0].From - Poll;
        var gaps = new Dictionary<string, TimeSpan>();
        foreach (var series in new[] { bedroomSeries, SeriesNames.ElectricPower })
        {
            var stamps = raw.Where(p => p.Series == series && p.Timestamp >= first).Select(p => p.Timestamp).Order().ToList();
            gaps[series] = stamps.Zip(stamps.Skip(1), (a, b) => b - a).DefaultIfEmpty(TimeSpan.MaxValue).Max();
            Assert.True(stamps.Count > 1 && gaps[series] <= LongestGap, $"{series}: {stamps.Count} readings, longest gap {gaps[series]} while the hallway failed");
        }

        log.WriteLine($"{Episodes} episodes of {Outage.TotalSeconds} s; {hallwayReadings.Count} hallway readings, all {FailingCelsius} °C; "
            + $"longest gaps: bedroom {gaps[bedroomSeries].TotalSeconds:F1} s, power {gaps[SeriesNames.ElectricPower].TotalSeconds:F1} s; "
            + $"/api/status followed each change after {string.Join(", ", reportedAfter.Select(t => $"{t.TotalSeconds:F1} s"))}; {watch.Elapsed.TotalSeconds:F0} s.");
    }

    private static JsonObject Thermometer(string address, string room) => new() { ["Kind"] = "Ds18b20", ["Address"] = address, ["Room"] = room };

    /// <summary>Waits until <c>/api/status</c> says the failing thermometer answers (or not); returns how long that took.</summary>
    private static async Task<TimeSpan> StatusChangesAsync(HttpClient http, bool answering, GatewayProcess gateway)
    {
        var watch = Stopwatch.StartNew();
        JsonElement seen = default;
        await Eventually.TrueAsync(
            async () => (seen = await SensorAsync(http, "hallway")).GetProperty("answering").GetBoolean() == answering,
            StatusLimit,
            () => $"/api/status to say the hallway's thermometer is {(answering ? "answering" : "not answering")}: {seen}{Environment.NewLine}{gateway.Output}");
        return watch.Elapsed;
    }

    /// <summary>The room's thermometer as <c>/api/status</c> shows it.</summary>
    private static async Task<JsonElement> SensorAsync(HttpClient http, string room) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/status")).GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("room").GetString() == room);

    /// <summary>When the panel's climate page says the room's temperature was measured; null before the first.</summary>
    private static async Task<DateTimeOffset?> MeasuredAtAsync(HttpClient http, string room)
    {
        var climate = await http.GetFromJsonAsync<JsonElement>("/api/climate");
        var found = climate.GetProperty("rooms").EnumerateArray().FirstOrDefault(r => r.GetProperty("room").GetString() == room);
        return found.ValueKind == JsonValueKind.Object && found.GetProperty("temperature") is { ValueKind: JsonValueKind.Object } temperature
            ? temperature.GetProperty("at").GetDateTimeOffset()
            : null;
    }
}
