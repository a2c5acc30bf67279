using Aizu.Storage;
using RawPoint = Aizu.FaultInjection.Tests.Harness.RawPoint;

namespace Aizu.FaultInjection.Tests.Kills;

/// <summary>
/// The demo gateway at the default commit window, killed with SIGKILL a few times after it ran for more than a
/// window: each kill loses at most the documented bound of power samples, nothing that was on disk is lost later,
/// and after a clean restart the day's energy (the day rollup of the meter's cumulative register) equals what the
/// simulated meter counted since midnight, because the register and today's 30-minute history (EPC 0xE2) are read
/// again when the gateway joins the meter.
/// </summary>
public sealed class KillAtCommitWindowTests(ITestOutputHelper log)
{
    private const int Kills = 3;
    private const int Seed = 20261207;

    // The demo polls the meter every 2 s; the ingest service collects a batch for 0.5 s. The documented bound is the
    // window plus one poll plus the batch; the test allows 3 s more for a loaded machine's scheduling.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Bound = new StorageOptions().CommitWindow + Poll + TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(3);

    // The simulated meter's register counts 0.1 kWh (0xE1 = 0x01, coefficient 1).
    private const double KilowattHoursPerCount = 0.1;

    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    [Fact]
    public async Task Kills_at_the_default_window_lose_at_most_the_window_and_no_energy()
    {
        var random = new Random(Seed);
        using var directory = new TemporaryDirectory();
        string database = Path.Combine(directory.Path, "aizu-demo-data", "aizu.db");
        var onDisk = new HashSet<RawPoint>();

        for (int kill = 0; kill < Kills; kill++)
        {
            await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
            await gateway.PanelAsync();

            // Longer than a window, so that every run has committed at least once before it dies.
            await Task.Delay(TimeSpan.FromSeconds(random.Next(65, 125)));
            var killedAt = DateTimeOffset.UtcNow;
            await gateway.KillAsync();
            Assert.DoesNotContain("Unhandled exception", gateway.Output, StringComparison.Ordinal);

            var left = await StoreSnapshot.ReadAsync(database);
            var newest = left.Raw.Where(p => p.Series == SeriesNames.ElectricPower && p.Timestamp <= killedAt).Max(p => p.Timestamp);
            var lost = killedAt - newest;
            log.WriteLine($"kill {kill + 1}: the newest power sample on disk is {lost.TotalSeconds:F1} s older than the kill (bound {Bound.TotalSeconds} s)");
            Assert.True(lost <= Bound + Slack, $"kill {kill + 1} lost {lost.TotalSeconds:F1} s of power samples, more than the bound of {Bound.TotalSeconds} s");
            onDisk.UnionWith(left.Raw);
        }

        // A clean run after the last kill: the driver joins, reads the register and today's history, and a SIGTERM commits.
        await using (var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0"))
        {
            await gateway.PanelAsync();
            await Task.Delay(TimeSpan.FromSeconds(15));
            Assert.Equal(0, await gateway.StopAsync());
        }

        // The day rows as the gateway left them (an export would rebuild days in this machine's zone).
        var todayStart = TodayStartInTokyo();
        var dayEnergy = ReadDayEnergy(database, SeriesNames.ElectricImportEnergy, todayStart);
        var final = await StoreSnapshot.ReadAsync(database);
        var kept = final.Raw.ToHashSet();
        var vanished = onDisk.Where(p => !kept.Contains(p)).ToList();
        Assert.True(vanished.Count == 0, $"{vanished.Count} readings that were on disk after a kill are gone, first: {string.Join("; ", vanished.Take(5))}");

        var meter = new SimulatedSmartMeter(new HouseholdLoadProfile(), TimeProvider.System);
        var register = final.Raw.Where(p => p.Series == SeriesNames.ElectricImportEnergy).OrderBy(p => p.Timestamp).ToList();
        Assert.Contains(register, p => p.Timestamp == todayStart);
        foreach (var point in register)
        {
            Assert.Equal(Truth(meter, point.Timestamp), point.Value, 6);
        }

        var last = register[^1];
        var expected = Truth(meter, last.Timestamp) - Truth(meter, todayStart);
        log.WriteLine($"{Kills} kills (seed {Seed}); today's energy {dayEnergy:F1} kWh in the day rollup, {expected:F1} kWh counted by the meter from midnight to {last.Timestamp:O}");
        Assert.NotNull(dayEnergy);
        Assert.Equal(expected, dayEnergy.Value, 6);
    }

    /// <summary>The import register the simulated meter shows at <paramref name="at"/>, in kWh.</summary>
    private static double Truth(SimulatedSmartMeter meter, DateTimeOffset at) =>
        meter.ImportRegisterAt(TimeZoneInfo.ConvertTime(at, Tokyo).DateTime) * KilowattHoursPerCount;

    private static DateTimeOffset TodayStartInTokyo()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tokyo);
        return new DateTimeOffset(local.Date, Tokyo.BaseUtcOffset);
    }

    private static double? ReadDayEnergy(string database, string series, DateTimeOffset dayStart)
    {
        using var connection = GatewayDatabase.OpenReadOnly(database);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.energy FROM rollup r JOIN series s ON s.id = r.series_id
            WHERE s.name = $series AND r.level = 3 AND r.start_ms = $start;
            """;
        command.Parameters.AddWithValue("$series", series);
        command.Parameters.AddWithValue("$start", dayStart.ToUnixTimeMilliseconds());
        return command.ExecuteScalar() is double energy ? energy : null;
    }
}
