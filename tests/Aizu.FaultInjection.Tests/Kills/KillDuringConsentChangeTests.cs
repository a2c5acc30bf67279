using static Aizu.FaultInjection.Tests.Harness.AizuProgram;
using static Aizu.FaultInjection.Tests.Harness.CityMessages;

namespace Aizu.FaultInjection.Tests.Kills;

/// <summary>
/// A grant and a withdrawal (<c>aizu consent grant|withdraw</c>, the consent service the panel uses too) killed with
/// SIGKILL at every write in turn (strace injects the signal at the n-th <c>fsync</c>, <c>fdatasync</c> or
/// <c>rename</c>: each commit and each atomic file, for every n until one run completes): afterwards the ledger chain verifies, the
/// decision is wholly there (its ledger event and receipt) or wholly not, and no file is left empty. On the two
/// households either side of each decision's last kill, the real gateway with a city link shows on its panel what the
/// store holds and sends what that allows: the data windows of a grant in force, nothing of a withdrawn one. A
/// withdrawal the panel answered 2xx is never undone by a kill right after it. Fails, never skips, without strace or
/// mosquitto.
/// </summary>
public sealed class KillDuringConsentChangeTests(ITestOutputHelper log)
{
    // Where a decision's writes become lasting: each SQLite commit (its sync) and the receipt key's atomic file (its sync
    // and its rename). A kill at a write between two of these leaves what a kill at the next one leaves (an unfinished
    // transaction SQLite ignores, a temporary file that is not the key); killing at every pwrite64 as well (about 60 a
    // decision, most of them the checkpoint on closing) found nothing more and took three minutes.
    private const string Writes = "fsync,fdatasync,rename,renameat,renameat2";
    private const string GatewayId = "gw-consent-kills-01";

    [Fact]
    public async Task A_grant_or_withdrawal_killed_at_any_write_is_wholly_before_or_after_and_egress_follows_it()
    {
        var watch = Stopwatch.StartNew();
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));

        // A household that ran yesterday, with the city's catalogue and nothing decided yet.
        var undecided = Path.Combine(directory.Path, "undecided");
        var yesterday = await YesterdaysReadings.WriteAsync(Database(undecided), DateTimeOffset.UtcNow);
        var clock = new ShiftedTimeProvider(yesterday - DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
        await HouseholdDecisions.ApplyCatalogueAsync(city, Database(undecided), clock);

        // The same household with an hourly grant made at yesterday's midnight: a day of windows due.
        var granted = Path.Combine(directory.Path, "granted");
        CopyHousehold(undecided, granted);
        var consentId = await HouseholdDecisions.GrantHourlyAsync(city, Database(granted), clock);

        var grants = await KillAtEachWriteAsync(city, undecided, "grant",
            ["consent", "grant", CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, "--granularity", Granularity.Hour]);
        var withdrawals = await KillAtEachWriteAsync(city, granted, "withdraw", ["consent", "withdraw", consentId]);

        // The gateway on the households either side of each decision's last kill: a grant made now has no closed
        // window yet, but its data set's consent state goes out; a grant from yesterday sends yesterday's windows, and
        // is then withdrawn on the panel, the gateway killed as soon as it answered.
        await RunGatewayAsync(city, Last(grants, changed: true), inForce: true, windowsDue: false);
        await RunGatewayAsync(city, Last(withdrawals, changed: true), inForce: false, windowsDue: false);
        var panelWithdrawal = Last(withdrawals, changed: false);
        await RunGatewayAsync(city, panelWithdrawal, inForce: true, windowsDue: true, (gateway, http) => WithdrawAndKillAsync(gateway, http, consentId));
        await RunGatewayAsync(city, panelWithdrawal, inForce: false, windowsDue: false);

        log.WriteLine($"grant killed {grants.Count} times ({grants.Count(c => c.Changed)} after it was recorded), withdrawal killed " +
            $"{withdrawals.Count} times ({withdrawals.Count(c => c.Changed)} after it was recorded), at each {Writes.Replace(',', '/')} in turn; " +
            $"4 gateway runs on the households either side; {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Runs <paramref name="change"/> on copies of <paramref name="template"/>, killed at the 1st, 2nd, … write until one
    /// run completes; checks each copy; returns the killed ones.
    /// </summary>
    private static async Task<List<KilledHousehold>> KillAtEachWriteAsync(CityCouncil city, string template, string name, string[] change)
    {
        // The catalogue put the city's requests in the ledger too (without receipts: the household decided nothing).
        var before = await ConsentStateAsync(city, template);
        var killed = new List<KilledHousehold>();
        for (var at = 1; ; at++)
        {
            var home = Path.Combine(Path.GetDirectoryName(template)!, $"{name}-{at}");
            CopyHousehold(template, home);
            WriteConfiguration(city, home);
            var (exit, output) = await RunAsync(home, KilledAt(Writes, at, Command([.. change, "--config", Config(home), "--database", Database(home)])));
            var state = await ConsentStateAsync(city, home);
            var what = $"{name} killed at write {at} (exit {exit}): {state}{Environment.NewLine}{output}";
            Assert.True(state.Intact, what);
            var changed = state.Events == before.Events + 1;
            Assert.True(state.Events == before.Events || changed, what);
            Assert.True(state.Receipts == before.Receipts + (changed ? 1 : 0), what);
            Assert.True(state.InForce == (changed ? !before.InForce : before.InForce), what);
            Assert.True(state.EmptyFiles.Count == 0, what);
            if (exit == 0)
            {
                Assert.True(changed, what);
                return killed;
            }

            Assert.True(exit == Killed, what);
            killed.Add(new KilledHousehold(home, at, changed));
        }
    }

    /// <summary>
    /// The gateway on <paramref name="household"/>: its panel shows the consent the store holds, and it sends what that
    /// consent allows.
    /// </summary>
    private static async Task RunGatewayAsync(
        CityCouncil city, KilledHousehold household, bool inForce, bool windowsDue, Func<GatewayProcess, HttpClient, Task>? then = null)
    {
        var mark = city.Recorder.Messages.Count;
        await using var gateway = GatewayProcess.Start(household.Home, "run", "--demo", "--config", Config(household.Home), "--urls", "http://127.0.0.1:0");
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);
        await AssertPanelShowsAsync(city, household, http, inForce);

        var what = $"{household}, consent in force: {inForce}";
        if (inForce)
        {
            await Eventually.TrueAsync(() => Since(city, mark).Any(IsConsentState) && (!windowsDue || Since(city, mark).Count(IsData) >= 24),
                TimeSpan.FromSeconds(60), () => $"{what}: nothing sent{Environment.NewLine}{gateway.Output}");
            Assert.True(windowsDue || !Since(city, mark).Any(IsData), $"{what}: a window sent for a grant made after it closed");
        }
        else
        {
            await AssertNothingSentAsync(city, mark, gateway, what);
        }

        await DoctorChecks.AssertOkAsync(["--config", Config(household.Home), "--database", Database(household.Home)], "store", "egress log", "consent ledger");
        if (then is not null)
        {
            await then(gateway, http);
        }
    }

    /// <summary>Withdraws on the panel and kills the gateway as soon as it answered 2xx (the next run checks it stayed withdrawn).</summary>
    private static async Task WithdrawAndKillAsync(GatewayProcess gateway, HttpClient http, string consentId)
    {
        using var response = await http.PostAsync(new Uri($"/api/consent/grants/{consentId}/withdraw", UriKind.Relative), null);
        Assert.True(response.IsSuccessStatusCode, $"withdraw on the panel: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await gateway.KillAsync();
    }

    private static async Task AssertPanelShowsAsync(CityCouncil city, KilledHousehold household, HttpClient http, bool inForce)
    {
        var stored = await ConsentStateAsync(city, household.Home);
        Assert.True(stored.InForce == inForce, $"{household}: the store holds {stored}");
        using var response = await http.GetAsync(new Uri("/api/consent", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/consent: {(int)response.StatusCode} {body}");
        using var overview = JsonDocument.Parse(body);
        var shown = overview.RootElement.GetProperty("consents").EnumerateArray()
            .Where(c => c.GetProperty("active").GetBoolean())
            .Select(c => c.GetProperty("consentId").GetString())
            .ToList();
        Assert.True(shown.Count == (inForce ? 1 : 0), $"{household}: the panel shows {shown.Count} consents in force, the store {stored}: {body}");
        Assert.True(overview.RootElement.GetProperty("integrity").GetProperty("trusted").GetBoolean(), $"{household}: the panel does not trust the ledger: {body}");
    }

    // Online, then three egress passes (one a second) with nothing of the purpose sent.
    private static async Task AssertNothingSentAsync(CityCouncil city, int mark, GatewayProcess gateway, string what)
    {
        await Eventually.TrueAsync(() => Since(city, mark).Any(m => m.Topic == $"aizu/v1/status/{GatewayId}" && m.Text.Contains("online", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60), () => $"{what}: the gateway never came online{Environment.NewLine}{gateway.Output}");
        await Task.Delay(TimeSpan.FromSeconds(4));
        var data = Since(city, mark).Where(IsData).ToList();
        Assert.True(data.Count == 0, $"{what}: {data.Count} data windows sent{Environment.NewLine}{gateway.Output}");
    }

    private static List<RecordedMessage> Since(CityCouncil city, int mark) => [.. city.Recorder.Messages.Skip(mark)];

    private static KilledHousehold Last(List<KilledHousehold> killed, bool changed) =>
        killed.LastOrDefault(k => k.Changed == changed) ?? throw new InvalidOperationException($"no kill left the decision {(changed ? "recorded" : "unrecorded")}");

    /// <summary>The consent side of a household's store, read as the gateway reads it.</summary>
    private static async Task<ConsentSnapshot> ConsentStateAsync(CityCouncil city, string home)
    {
        var emptyFiles = HouseholdFiles.Empty(home);
        await using var household = city.HouseholdConsents(Database(home), TimeProvider.System);
        var consents = household.GetRequiredService<ConsentService>();
        var report = await consents.CheckIntegrityAsync(CancellationToken.None);
        var events = await consents.Ledger.ReadEventsAsync(0, CancellationToken.None);
        var receipts = await consents.Ledger.ReadReceiptsAsync(null, CancellationToken.None);
        var inForce = (await consents.GetGrantsAsync(CancellationToken.None)).Any(g => g.IsActiveAt(DateTimeOffset.UtcNow));
        return new ConsentSnapshot(report.IsIntact && (await consents.Ledger.VerifyAsync(CancellationToken.None)).IsIntact, events.Count, receipts.Count, inForce, emptyFiles);
    }

    // Its own pseudonym secret, alert key state and so on: the configuration names files in the household's directory.
    private static void WriteConfiguration(CityCouncil city, string home) =>
        CityGateway.WriteConfiguration(home, city.Broker.Port, GatewayId, "07202-kitaaizu", city.PublicKeyFile);

    private static string Config(string home) => Path.Combine(home, "aizu.json");

    private static string Database(string home) => Path.Combine(home, "aizu-demo-data", "aizu.db");

    private sealed record KilledHousehold(string Home, int At, bool Changed)
    {
        public override string ToString() => $"{Path.GetFileName(Home)} (killed at write {At}, decision {(Changed ? "recorded" : "not recorded")})";
    }

    private sealed record ConsentSnapshot(bool Intact, int Events, int Receipts, bool InForce, IReadOnlyList<string> EmptyFiles)
    {
        public override string ToString() =>
            $"ledger {(Intact ? "intact" : "BROKEN")}, {Events} events, {Receipts} receipts, consent {(InForce ? "in force" : "not in force")}, empty files: [{string.Join(", ", EmptyFiles)}]";
    }
}
