using static Aizu.FaultInjection.Tests.Harness.CityMessages;

namespace Aizu.FaultInjection.Tests.Kills;

/// <summary>
/// The demo gateway with a city link (real mosquitto, the city's subscriber on <c>#</c>) and an hourly grant made ten
/// days ago, back after ten days away, committing every batch, killed with SIGKILL at random moments, 50 times in a
/// row, as a power cut or the OOM killer would, while it ingests (mid-batch, mid-rollup, mid-checkpoint), decides the
/// windows that closed meanwhile and sends them: afterwards, once it ran to the end, every outbox row is delivered, the
/// city holds each window under one message id only (the ingest stores a <c>msg-id</c> once, so a window re-sent after
/// a kill is stored once), every reading another process could read before a kill is still there, rollups equal raw,
/// and the store, the egress log and the consent ledger check out. Fails, never skips, without mosquitto.
/// </summary>
public sealed class KillWhileSendingTests(ITestOutputHelper log)
{
    private const int Kills = 50;
    private const int Seed = 20261208;
    private const int DaysAway = 10;
    private const string GatewayId = "gw-kills-01";

    // Every batch committed at once (no commit window), so that what another process reads between kills is what the
    // gateway acknowledged and kills land in ingest commits too; KillAtCommitWindowTests covers the default window.
    private static readonly Dictionary<string, string> EveryBatch = new() { ["AIZU_Aizu__Storage__CommitWindow"] = "00:00:00" };

    [Fact]
    public async Task Kills_while_windows_are_decided_and_sent_deliver_each_window_once_and_lose_no_reading()
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(Seed);
        using var directory = new TemporaryDirectory();
        await using var city = await CityCouncil.StartAsync(Path.Combine(directory.Path, "city"));
        var home = Path.Combine(directory.Path, "home");
        var database = Path.Combine(home, "aizu-demo-data", "aizu.db");
        var first = await YesterdaysReadings.WriteAsync(database, DateTimeOffset.UtcNow, DaysAway);
        var clock = new ShiftedTimeProvider(first - DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
        await HouseholdDecisions.ApplyCatalogueAsync(city, database, clock);
        await HouseholdDecisions.GrantHourlyAsync(city, database, clock);
        var config = CityGateway.WriteConfiguration(home, city.Broker.Port, GatewayId, "07202-kitaaizu", city.PublicKeyFile);
        string[] run = ["run", "--demo", "--config", config, "--urls", "http://127.0.0.1:0"];

        var committed = new HashSet<RawPoint>();
        var started = DateTimeOffset.UtcNow;
        var midSending = 0;
        for (var kill = 0; kill < Kills; kill++)
        {
            await using var gateway = GatewayProcess.Start(home, EveryBatch, run);
            await gateway.PanelAsync();
            await Task.Delay(random.Next(0, 1_000));
            committed.UnionWith((await StoreSnapshot.ReadAsync(database)).Raw);

            // Anywhere in a pass: deciding a window, sealing it into the outbox, publishing, marking it delivered.
            await Task.Delay(random.Next(0, 400));
            var killedAt = DateTimeOffset.UtcNow;
            await gateway.KillAsync();
            Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
            var rows = await OutboxTable.ReadAsync(database);
            midSending += rows.Any(r => r.State == 0) || rows.Count(r => r.Kind == 0) < ClosedWindows(first, killedAt) ? 1 : 0;
        }

        // Once it runs to the end, every closed window is decided and delivered.
        IReadOnlyList<OutboxRow> outbox = [];
        await using (var gateway = GatewayProcess.Start(home, EveryBatch, run))
        {
            await gateway.PanelAsync();
            var stableSince = DateTime.UtcNow;
            await Eventually.TrueAsync(async () =>
            {
                var now = await OutboxTable.ReadAsync(database);
                if (now.Count != outbox.Count || now.Count(r => r.State == 1) != outbox.Count(r => r.State == 1))
                {
                    outbox = now;
                    stableSince = DateTime.UtcNow;
                }

                var arrived = Data([city.Recorder]).Select(m => m.CorrelationData).ToHashSet();
                return outbox.Count(r => r.Kind == 0) >= ClosedWindows(first, DateTimeOffset.UtcNow) && outbox.All(r => r.State == 1)
                    && outbox.Where(r => r.Kind == 0).All(r => arrived.Contains(r.MessageId)) && DateTime.UtcNow - stableSince > TimeSpan.FromSeconds(3);
            }, TimeSpan.FromSeconds(90), () => $"the outbox did not drain: {outbox.Count(r => r.State == 0)} of {outbox.Count} rows waiting{Environment.NewLine}{gateway.Output}");
            Assert.Equal(0, await gateway.StopAsync());
        }

        // The city: exactly the outbox's data windows, each message id stored once, each window under one id only,
        // hourly from the grant's first window without a gap, the data set's consent state before the first window.
        var data = Data([city.Recorder]);
        var stored = data.DistinctBy(m => m.CorrelationData).ToList();
        Assert.Equal(outbox.Where(r => r.Kind == 0).Select(r => r.MessageId).Order(), stored.Select(m => m.CorrelationData!).Order());
        var windows = stored.Select(WindowStart).Order().ToList();
        Assert.Equal(windows.Count, windows.Distinct().Count());
        Assert.Equal(first, windows[0]);
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(TimeSpan.FromHours(1), pair.Second - pair.First));
        var received = city.Recorder.Messages.ToList();
        Assert.InRange(received.FindIndex(IsConsentState), 0, received.FindIndex(IsData) - 1);

        // The household: nothing committed lost, rollups equal raw, store, egress log and ledger intact.
        var after = await StoreSnapshot.ReadAsync(database, withMinutes: true);
        var kept = after.Raw.ToHashSet();
        var lost = committed.Where(p => !kept.Contains(p)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {committed.Count} committed readings lost, first: {string.Join("; ", lost.Take(5))}");
        var ingested = committed.Count(p => p.Timestamp >= started);
        Assert.True(ingested >= Kills, $"only {ingested} readings were ingested and committed in {Kills} runs");
        var buckets = RollupCheck.MinutesAgainstRaw(after);
        await DoctorChecks.AssertOkAsync(["--config", config, "--database", database], "store", "egress log", "consent ledger");

        log.WriteLine($"{Kills} kills (seed {Seed}), {midSending} of them with windows still to decide or send; {windows.Count} windows sent, " +
            $"{data.Count} data messages received ({data.Count - stored.Count} re-sent after a kill, stored once), {outbox.Count} outbox rows " +
            $"({outbox.Sum(r => r.Attempts)} publish attempts); {committed.Count} committed readings checked ({ingested} ingested during the kills), {after.Raw.Count} stored, {buckets} minute rollups equal to raw; " +
            $"{watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(midSending >= Kills / 5, $"only {midSending} of {Kills} kills landed while windows were waiting");
    }

    // Closed hourly windows since the first (the configuration releases a window as soon as it closes).
    private static int ClosedWindows(DateTimeOffset first, DateTimeOffset at) => (int)Math.Floor((at - first).TotalHours);
}
