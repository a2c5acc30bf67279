namespace Aizu.FaultInjection.Tests.Hardware;

/// <summary>
/// The real gateway program (<c>aizu run --config</c>, its own process, its own store) reading a simulated Wi-SUN dongle
/// on a pseudo-terminal at a configured device path, through one fault after another: the dongle unplugged for longer
/// than the panel's link timeout and plugged in again at the same path, PANA authentication failing several times,
/// a storm of session expiries, a cumulative register that rolled over today (99 999.9 kWh → 0), and a meter that sends
/// a garbage power value, then an overflowing energy register, in every answer. The gateway must never exit, report
/// each fault and its end, and store only what the meter said, once, with rollups equal to the raw readings and no
/// negative energy.
/// </summary>
public sealed class BRouteFaultTests(ITestOutputHelper log)
{
    private const int PanaFailures = 3;
    private const int SessionExpiries = 10;
    private const int FaultyAnswers = 6;
    private const double KilowattHoursPerCount = 0.1;
    private const double RegisterKilowattHours = SimulatedSmartMeter.RegisterModulus * KilowattHoursPerCount;

    private const string Connected = "Connected to smart meter";
    private const string JoinFailed = "PANA authentication with meter";
    private const string SessionLost = "Meter session lost";
    private const string Expired = "PANA session lifetime expired";
    private const string Reauthenticated = "Re-authenticated with the meter";

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);
    private static readonly TimeSpan FaultLimit = TimeSpan.FromSeconds(45);

    // A reading is stamped when its answer arrives: within the driver's response timeout of the meter saying it.
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Unplug_PanaFailures_ExpiryStorm_RollOver_AndGarbageValues_TheGatewayStoresOnlyWhatTheMeterSaid()
    {
        var watch = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();
        var (meter, wrapped) = MeterRolledOverToday();
        var options = new SimulatedDongleOptions { DevicePath = Path.Combine(directory.Path, "ttyWiSUN"), LatencyScale = 0.05 };
        await using var dongle = new SimulatedWiSunDongle(options, meter, TimeProvider.System);
        var wire = new MeterWire(dongle, TimeProvider.System);
        await dongle.StartAsync(CancellationToken.None);

        await using var gateway = MeterGateway.Start(directory.Path, "BRoute", new JsonObject
        {
            ["DevicePath"] = options.DevicePath,
            ["RouteBId"] = options.RouteBId,
            ["Password"] = options.Password,
            ["PowerInterval"] = "00:00:01",
            ["EnergyInterval"] = "00:00:02",
            ["ResponseTimeout"] = "00:00:05",
            ["CommandTimeout"] = "00:00:05",
            ["JoinTimeout"] = "00:00:10",
            ["MaxRetryDelay"] = "00:00:02",
            ["PanCachePath"] = Path.Combine(directory.Path, "data", "broute-pan.json"),
        });
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        await GatewayOutput.LinesAsync(gateway, Connected, 1);
        await LinkAsync(http, gateway, up: true);

        // 1. Unplugged for longer than the panel's link timeout; the dongle comes back at the same path.
        var unplugged = Stopwatch.StartNew();
        var replug = dongle.UnplugAsync(IngestStatistics.LinkTimeout + TimeSpan.FromSeconds(8), CancellationToken.None);
        await GatewayOutput.LinesAsync(gateway, $"Wi-SUN dongle at {options.DevicePath} unavailable", 1);
        await LinkAsync(http, gateway, up: false);
        await replug;
        var downFor = unplugged.Elapsed;
        await GatewayOutput.LinesAsync(gateway, Connected, 2);
        await LinkAsync(http, gateway, up: true);

        // 2. PANA fails: the re-authentication after an expiry, then two joins; the third join succeeds.
        var joins = dongle.JoinCount;
        var lost = GatewayOutput.Lines(gateway, SessionLost);
        dongle.FailNextJoins(PanaFailures);
        dongle.ExpireSession();
        await GatewayOutput.LinesAsync(gateway, Connected, 3);
        Assert.True(GatewayOutput.Lines(gateway, JoinFailed) >= PanaFailures - 1, gateway.Output);
        Assert.True(GatewayOutput.Lines(gateway, SessionLost) > lost, gateway.Output);
        Assert.True(joins + PanaFailures == dongle.JoinCount, $"{dongle.JoinCount - joins} joins for {PanaFailures} PANA failures:{Environment.NewLine}{gateway.Output}");

        // 3. A storm of session expiries: each is re-authenticated by the dongle, none costs a join.
        joins = dongle.JoinCount;
        var reauthenticated = GatewayOutput.Lines(gateway, Reauthenticated);
        for (var expiry = 1; expiry <= SessionExpiries; expiry++)
        {
            dongle.ExpireSession();
            await GatewayOutput.LinesAsync(gateway, Reauthenticated, reauthenticated + expiry);
        }

        Assert.True(SessionExpiries + 1 == GatewayOutput.Lines(gateway, Expired), gateway.Output);
        Assert.True(joins == dongle.JoinCount, $"the expiries cost {dongle.JoinCount - joins} joins:{Environment.NewLine}{gateway.Output}");
        Assert.True(3 == GatewayOutput.Lines(gateway, Connected), gateway.Output);

        // 4. A garbage power value in every answer, then an overflowing energy register in every answer.
        var garbage = await FaultyAnswersAsync(wire, SmartMeterEpc.InstantaneousPower, [0xDE, 0xAD, 0xBE, 0xEF, 0x00]);
        await GatewayOutput.LinesAsync(gateway, "Meter property 0xE7 skipped", 1);
        var overflow = await FaultyAnswersAsync(wire, SmartMeterEpc.CumulativeNormal, [0x05, 0xF5, 0xE1, 0x00]); // 100 000 000: nine digits
        await GatewayOutput.LinesAsync(gateway, "Meter property 0xE0 skipped", 1);

        // Both cleared: power and energy stored again from the meter's next answers.
        var cleared = DateTimeOffset.UtcNow;
        await StoredAfterAsync(MeterGateway.DatabasePath(directory.Path), cleared, gateway);
        Assert.False(gateway.HasExited, gateway.Output);

        // Stopped as systemd stops it, so the raw readings and the rollups are read from one state of the store.
        Assert.True(await gateway.StopAsync() == 0, gateway.Output);
        Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
        var snapshot = await StoreSnapshot.ReadAsync(MeterGateway.DatabasePath(directory.Path), withMinutes: true, withDays: true, MeterGateway.ConfigurationPath(directory.Path));

        // What is stored: what the meter said, once each, rollups equal to raw, no negative energy.
        var checkedReadings = CheckAgainstTheMeter(snapshot, wire, meter);
        var duplicates = snapshot.Raw.GroupBy(p => (p.Series, p.Timestamp)).Where(g => g.Count() > 1).Select(g => g.First()).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} readings stored twice, first: {string.Join("; ", duplicates.Take(5))}");
        var minutes = RollupCheck.MinutesAgainstRaw(snapshot);
        Assert.All(snapshot.Minutes.Concat(snapshot.Days), r => Assert.True(r.Energy is not < 0, $"negative energy: {r}"));
        var dayEnergy = CheckDaysAcrossTheRollOver(snapshot, wrapped);

        // The rest of each faulty answer was stored (whatever was stored is what the meter said, checked above).
        StoredWhile(snapshot, SeriesNames.ElectricCurrentR, garbage);
        StoredWhile(snapshot, SeriesNames.ElectricExportEnergy, overflow);

        log.WriteLine($"{checkedReadings} readings checked against the meter, {minutes} minute rollups equal to raw; unplugged {downFor.TotalSeconds:F0} s, "
            + $"{PanaFailures} PANA failures, {SessionExpiries} session expiries, {FaultyAnswers} garbage and {FaultyAnswers} overflowing answers; "
            + $"today's energy across the roll-over {dayEnergy:F1} kWh (wrapped: {wrapped}); {watch.Elapsed.TotalSeconds:F0} s.");
    }

    /// <summary>
    /// A meter whose import register rolled over between Japan's midnight and now (99 999.x kWh at midnight), so the
    /// gateway's backfill of today's half hours crosses the wrap and its live readings come after it. In the first
    /// minutes of a Japanese day, before the meter has counted anything today, the wrap is the next count.
    /// </summary>
    private static (SimulatedSmartMeter Meter, bool Wrapped) MeterRolledOverToday()
    {
        var fresh = new SimulatedSmartMeter(new HouseholdLoadProfile(), TimeProvider.System);
        var now = fresh.Now;
        var atMidnight = fresh.ImportRegisterAt(now.Date);
        var today = fresh.ImportRegisterAt(now) - atMidnight;
        var beforeWrap = Math.Max(1, (today + 1) / 2);
        var initial = ((2 * SimulatedSmartMeter.RegisterModulus) - atMidnight - beforeWrap) % SimulatedSmartMeter.RegisterModulus;
        var meter = new SimulatedSmartMeter(new HouseholdLoadProfile(), TimeProvider.System) { InitialReading = initial };
        Assert.Equal(SimulatedSmartMeter.RegisterModulus - beforeWrap, meter.ImportRegisterAt(now.Date));
        return (meter, today >= 1);
    }

    /// <summary>Changes <paramref name="epc"/> of every answer to <paramref name="value"/> until <see cref="FaultyAnswers"/> went out, then the meter is itself again; returns when.</summary>
    private static async Task<(DateTimeOffset From, DateTimeOffset To)> FaultyAnswersAsync(MeterWire wire, byte epc, byte[] value)
    {
        var before = wire.Carrying(epc);
        var from = DateTimeOffset.UtcNow;
        wire.Inject(answer => AnswerMutator.Write(answer, AnswerMutator.Properties(answer).Select(p => p.Epc == epc ? (p.Epc, value) : p)));
        await Eventually.TrueAsync(() => wire.Carrying(epc) >= before + FaultyAnswers, FaultLimit, () => $"{FaultyAnswers} answers with 0x{epc:X2} changed");
        wire.Inject(null);
        return (from, DateTimeOffset.UtcNow);
    }

    /// <summary>The faulty answers' other values were stored: one <paramref name="series"/> reading for (nearly) each.</summary>
    private static void StoredWhile(StoreSnapshot snapshot, string series, (DateTimeOffset From, DateTimeOffset To) fault)
    {
        // The last faulty answer is stamped when it arrives, shortly after the fault ended.
        var stored = snapshot.Raw.Count(p => p.Series == series && p.Timestamp > fault.From && p.Timestamp <= fault.To + TimeSpan.FromSeconds(1));
        Assert.True(stored >= FaultyAnswers - 1, $"{stored} {series} readings stored from {FaultyAnswers} faulty answers");
    }

    /// <summary>
    /// Every stored reading equals what the meter said: for a half-hour value (backfill, notification) its register then,
    /// otherwise one of its answers in the response timeout before the reading was stamped (the last one, unless the
    /// gateway gave up waiting for an answer and took it late).
    /// </summary>
    private static int CheckAgainstTheMeter(StoreSnapshot snapshot, MeterWire wire, SimulatedSmartMeter meter)
    {
        foreach (var point in snapshot.Raw)
        {
            IReadOnlyList<double> said = point.Series switch
            {
                SeriesNames.ElectricImportEnergy when IsHalfHour(point.Timestamp) => [meter.ImportRegisterAt(JapanTime(point.Timestamp)) * KilowattHoursPerCount],
                SeriesNames.ElectricExportEnergy when IsHalfHour(point.Timestamp) => [meter.ExportRegisterAt(JapanTime(point.Timestamp)) * KilowattHoursPerCount],
                _ => wire.Said(point.Series, point.Timestamp - Answered, point.Timestamp),
            };
            Assert.True(said.Any(value => Math.Abs(value - point.Value) < 1e-9),
                $"stored {point}, but the meter said {(said.Count == 0 ? "no value" : string.Join(", ", said.Select(v => v.ToString(CultureInfo.InvariantCulture))))} in the {Answered.TotalSeconds} s before");
        }

        Assert.NotEmpty(snapshot.Raw);
        return snapshot.Raw.Count;
    }

    /// <summary>
    /// Each day's energy equals the register's count recomputed from the raw readings across the wrap (never negative),
    /// and the whole equals the household's energy by the meter's profile, to the register's 0.1 kWh; returns the total.
    /// </summary>
    private static double CheckDaysAcrossTheRollOver(StoreSnapshot snapshot, bool wrapped)
    {
        var register = snapshot.Raw.Where(p => p.Series == SeriesNames.ElectricImportEnergy).OrderBy(p => p.Timestamp).ToList();
        Assert.True(register.Count >= 2, "fewer than two energy readings stored");
        var steps = register.Zip(register.Skip(1), (previous, next) => (next.Timestamp, Energy: next.Value >= previous.Value
            ? next.Value - previous.Value
            : RegisterKilowattHours - previous.Value + next.Value)).ToList();
        // In the first minutes of a Japanese day the wrap is still to come, and may come while the test runs.
        Assert.True(!wrapped || register.Zip(register.Skip(1)).Any(pair => pair.Second.Value < pair.First.Value), "the stored register never rolled over");

        var days = snapshot.Days.Where(d => d.Series == SeriesNames.ElectricImportEnergy).ToList();
        Assert.NotEmpty(days);
        foreach (var day in days)
        {
            // A day's energy is what the register counted in (start, end].
            var recomputed = steps.Where(s => s.Timestamp > day.Start && s.Timestamp <= day.End).Sum(s => s.Energy);
            Assert.True(day.Energy is { } energy && Math.Abs(energy - recomputed) < 1e-6,
                $"day {day.Start:O}: stored {day.Energy} kWh, the register counted {recomputed} kWh: {string.Join(", ", register.Select(p => $"{p.Timestamp:HH:mm:ss.fff} {p.Value}"))}");
        }

        var total = days.Sum(d => d.Energy!.Value);
        var byProfile = new HouseholdLoadProfile().EnergyKilowattHours(JapanTime(register[0].Timestamp), JapanTime(register[^1].Timestamp));
        Assert.True(Math.Abs(total - byProfile) <= 2 * KilowattHoursPerCount, $"today's energy {total} kWh, the household used {byProfile} kWh");
        return total;
    }

    private static bool IsHalfHour(DateTimeOffset at) => at.Ticks % TimeSpan.FromMinutes(30).Ticks == 0;

    private static DateTime JapanTime(DateTimeOffset at) => at.ToOffset(JapanOffset).DateTime;

    /// <summary>Waits until the panel shows the meter's link (the driver's and the overall one) <paramref name="up"/>.</summary>
    private static async Task LinkAsync(HttpClient http, GatewayProcess gateway, bool up)
    {
        var status = default(JsonElement);
        await Eventually.TrueAsync(
            async () =>
            {
                status = await http.GetFromJsonAsync<JsonElement>("/api/status");
                var source = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "broute");
                return status.GetProperty("meterLinkUp").GetBoolean() == up && source.GetProperty("linkUp").GetBoolean() == up;
            },
            IngestStatistics.LinkTimeout + FaultLimit,
            () => $"the panel never showed the meter link {(up ? "up" : "down")}: {status}{Environment.NewLine}{gateway.Output}");
    }

    /// <summary>Waits until the store holds power and energy read after <paramref name="after"/>.</summary>
    private static Task StoredAfterAsync(string database, DateTimeOffset after, GatewayProcess gateway) =>
        Eventually.TrueAsync(
            async () =>
            {
                var raw = (await StoreSnapshot.ReadAsync(database)).Raw;
                return new[] { SeriesNames.ElectricPower, SeriesNames.ElectricImportEnergy }.All(series => raw.Any(p => p.Series == series && p.Timestamp > after));
            },
            FaultLimit,
            () => $"power and energy stored after the faults ended:{Environment.NewLine}{gateway.Output}");
}
