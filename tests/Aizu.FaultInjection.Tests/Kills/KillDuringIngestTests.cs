using Aizu.FaultInjection.Tests.Harness;
using Xunit.Abstractions;

namespace Aizu.FaultInjection.Tests.Kills;

/// <summary>
/// The demo gateway (simulated B-route meter and sensors, real store, real panel), committing every batch, killed with
/// SIGKILL at random moments, 50 times in a row, as a power cut or the OOM killer would: every reading another process could read
/// before a kill is still there afterwards, every minute rollup equals a recomputation from the raw readings, the store
/// passes SQLite's check and the consent ledger and egress log chains verify.
/// </summary>
public sealed class KillDuringIngestTests(ITestOutputHelper log)
{
    private const int Kills = 50;
    private const int Seed = 20261206;

    // Every batch committed at once (no commit window), so that what another process reads between kills is what
    // the gateway acknowledged; KillAtCommitWindowTests covers the default window.
    private static readonly Dictionary<string, string> EveryBatch = new() { ["AIZU_Aizu__Storage__CommitWindow"] = "00:00:00" };

    [Fact]
    public async Task FiftyKills_LoseNoCommittedReading_AndRollupsEqualRaw()
    {
        var random = new Random(Seed);
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu-demo-data", "aizu.db");
        var committed = new HashSet<RawPoint>();

        for (int kill = 0; kill < Kills; kill++)
        {
            await using var gateway = GatewayProcess.Start(directory.Path, EveryBatch, "run", "--demo", "--urls", "http://127.0.0.1:0");

            // The panel comes up only after the store opened and migrated: the previous kill left it usable.
            await gateway.PanelAsync();
            await Task.Delay(random.Next(100, 1_500));
            if (File.Exists(database))
            {
                committed.UnionWith((await StoreSnapshot.ReadAsync(database)).Raw);
            }

            // The kill lands at any point of the ingest cycle: mid-batch, mid-rollup, mid-checkpoint.
            await Task.Delay(random.Next(0, 400));
            await gateway.KillAsync();
            Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);
        }

        var after = await StoreSnapshot.ReadAsync(database, withMinutes: true);
        var kept = after.Raw.ToHashSet();
        var lost = committed.Where(p => !kept.Contains(p)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {committed.Count} committed readings lost, first: {string.Join("; ", lost.Take(5))}");
        Assert.True(committed.Count >= Kills, $"only {committed.Count} readings were committed in {Kills} runs");

        int buckets = RollupRecomputation.AssertEqualToRaw(after.Minutes, after.Raw);
        var checks = await Doctor.ChecksAsync(database);
        foreach (var name in new[] { "store", "egress log" })
        {
            Assert.True(checks.TryGetValue(name, out var outcome) && outcome == "ok", $"doctor's {name} check: {outcome ?? "missing"}");
        }

        log.WriteLine($"{Kills} kills (seed {Seed}); {committed.Count} committed readings checked, {after.Raw.Count} stored; {buckets} minute rollups equal to raw.");
    }
}
