namespace Aizu.FaultInjection.Tests.Clock;

/// <summary>
/// The demo gateway's own process under a wall clock the test steps while it runs (<see cref="SteppedWallClock"/>, this
/// process only): it boots at 1970-01-01 00:30 UTC as a Pi without RTC does, NTP sets it right, it is put back an hour,
/// then jumps a day. Nothing is stored stamped before 2020, every step is reported, the gateway stops cleanly on
/// SIGTERM, and the store holds no reading twice, no negative energy, and minute rollups equal to the raw readings.
/// </summary>
public sealed class ClockStepTests(ITestOutputHelper log)
{
    private static readonly DateTimeOffset Boot = new(1970, 1, 1, 0, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Zones => new()
    {
        // Set right five seconds before Japan's midnight: the day rollups split there.
        { "Asia/Tokyo", "2026-12-06T14:59:55Z" },
        // Set right at 02:59:50 summer time on the night Berlin's clocks go back: ten seconds later it is 02:00 again.
        { "Europe/Berlin", "2026-10-25T00:59:50Z" },
    };

    [Theory]
    [MemberData(nameof(Zones))]
    public async Task A_clock_at_1970_set_right_put_back_an_hour_and_jumping_a_day_stores_nothing_twice_and_reports_each_step(string zone, string setRight)
    {
        var watch = Stopwatch.StartNew();
        var correct = DateTimeOffset.Parse(setRight, CultureInfo.InvariantCulture);
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu-demo-data", "aizu.db");
        using var clock = await SteppedWallClock.StartingAtAsync(Boot);
        var environment = clock.Environment(zone);
        environment["AIZU_Aizu__Household__TimeZone"] = zone;
        await using var gateway = GatewayProcess.Start(directory.Path, environment, "run", "--demo", "--urls", "http://127.0.0.1:0");
        var panel = await gateway.PanelAsync();

        // 1970: every reading refused as stamped by an unset clock (event 2000).
        await gateway.WaitForOutputAsync("System clock is not set");

        // NTP sets it right: the step forward is reported and readings are stored from then on. The panel is claimed
        // now, as a household would once the clock is right (a session issued at 1970 would have expired long ago).
        clock.Set(correct);
        using var http = await PanelSignIn.SignInAsync(panel, setupCode: gateway.SetupCode);
        long stored = await PanelStatus.WaitForStoredAsync(http, 5, gateway);
        var status = await StatusAsync(http);
        Assert.True(status.GetProperty("rejectedClock").GetInt64() > 0, status.ToString());
        Assert.True(status.GetProperty("clockStepsForward").GetInt64() >= 1, status.ToString());

        // Put back an hour: reported; what the clock stamped while it ran ahead is set aside and time fills up again.
        clock.Step(TimeSpan.FromHours(-1));
        await Eventually.TrueAsync(
            async () => (status = await StatusAsync(http)).GetProperty("clockStepsBack").GetInt64() >= 1,
            PanelStatus.Limit,
            () => $"the step back reported (status: {status}). Output:{Environment.NewLine}{gateway.Output}");
        Assert.True(status.GetProperty("lastClockStepSeconds").GetDouble() <= -3599, status.ToString());
        long setAside = status.GetProperty("readingsSetAside").GetInt64();
        stored = await PanelStatus.WaitForStoredAsync(http, await PanelStatus.ReadingsStoredAsync(http) + 5, gateway);

        // A day forward: reported; the skipped day simply has no readings.
        clock.Step(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(
            async () => (status = await StatusAsync(http)).GetProperty("clockStepsForward").GetInt64() >= 2,
            PanelStatus.Limit,
            () => $"the step forward reported (status: {status}). Output:{Environment.NewLine}{gateway.Output}");
        Assert.True(status.GetProperty("lastClockStepSeconds").GetDouble() >= 86_399, status.ToString());
        await PanelStatus.WaitForStoredAsync(http, stored + 5, gateway);

        // A clean stop writes the open buckets' rollups; then the store is read as an installer would. The clock is read
        // after the stop: the gateway goes on storing readings until it stops, and none may be stamped after that.
        var stopping = Stopwatch.StartNew();
        Assert.True(await gateway.StopAsync() == 0, gateway.Output);
        stopping.Stop();
        var end = clock.Now;
        var firstDay = DateOnly.FromDateTime(correct.UtcDateTime);
        var after = await StoreSnapshot.ReadAsync(database, withMinutes: true, from: firstDay.AddDays(-2), to: firstDay.AddDays(3));
        var at1970 = await StoreSnapshot.ReadAsync(database, from: new DateOnly(1969, 12, 31), to: new DateOnly(1970, 1, 3));
        Assert.True(at1970.Raw.Count == 0, $"{at1970.Raw.Count} readings stamped at 1970, first {(at1970.Raw.Count > 0 ? at1970.Raw[0] : null)}");
        Assert.All(after.Raw, p => Assert.True(p.Timestamp <= end, $"{p} is stamped after the clock's {end:O}"));
        var twice = after.Raw.GroupBy(p => (p.Series, p.Timestamp)).FirstOrDefault(g => g.Count() > 1);
        Assert.True(twice is null, $"{twice?.Key.Series} stored twice at {twice?.Key.Timestamp:O}");
        Assert.Contains(after.Raw, p => p.Timestamp > correct.AddDays(1).AddHours(-1));

        int minutes = RollupCheck.MinutesAgainstRaw(after);
        var negative = after.Minutes.FirstOrDefault(b => b.Energy < 0);
        Assert.True(negative is null, $"negative energy: {negative}");
        GatewayOutput.AssertNoStackTrace(gateway);

        log.WriteLine($"{zone}: {status.GetProperty("rejectedClock").GetInt64()} readings refused at 1970; steps forward {status.GetProperty("clockStepsForward").GetInt64()}, "
            + $"back {status.GetProperty("clockStepsBack").GetInt64()}; {setAside} set aside; {after.Raw.Count} stored, {minutes} minute rollups equal to raw; "
            + $"stopped in {stopping.Elapsed.TotalSeconds:F1} s; {watch.Elapsed.TotalSeconds:F0} s.");
    }

    private static async Task<JsonElement> StatusAsync(HttpClient http) => await http.GetFromJsonAsync<JsonElement>("/api/status");
}
