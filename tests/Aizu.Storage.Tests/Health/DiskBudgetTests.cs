using Aizu.Readings;
using Microsoft.Extensions.Logging;
using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Health;

public sealed class DiskBudgetTests() : TempDatabaseTests(commitEveryBatch: true)
{
    private const long Floor = 256L * 1024 * 1024;
    /// <summary>Two series, 2400 s each at 1 Hz: 150 chunks of 16 points per series.</summary>
    private static Reading[] TwoSeries() =>
        Enumerable.Range(0, 2_400)
            .SelectMany(s => new[] { Power(s, 500 + (s % 7)), new Reading(SeriesNames.ElectricCurrentR, T0.AddSeconds(s), 5 + (s % 3), Units.Ampere) })
            .ToArray();

    [Fact]
    public async Task Below_the_floor_the_oldest_raw_chunks_go_first_until_space_is_back()
    {
        var logger = new CapturingLogger<ReadingStore>();
        await using var store = database.Open(o => o.MaxChunkPoints = 16, logger);
        await store.AppendAsync(TwoSeries(), CancellationToken.None);
        var newestChunkEnd = database.Scalar("SELECT max(end_ms) FROM chunk;");
        var rollupsBefore = database.Scalar("SELECT count(*) FROM rollup;");

        // The first measurement is under the floor; after one round of drops the space is back.
        var calls = 0;
        database.FreeSpace.Answer = () => ++calls == 1 ? Floor - 1 : Floor + 1;
        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Equal(300 - 64, database.Scalar("SELECT count(*) FROM chunk;"));
        // Oldest first, across series: 32 chunks of each, the first 512 s.
        Assert.Equal(T0.AddSeconds(512).ToUnixTimeMilliseconds(), database.Scalar("SELECT min(start_ms) FROM chunk;"));
        Assert.Equal(newestChunkEnd, database.Scalar("SELECT max(end_ms) FROM chunk;"));
        Assert.Equal(rollupsBefore, database.Scalar("SELECT count(*) FROM rollup;"));

        var health = store.Health;
        Assert.Equal(StorageHealthState.Degraded, health.State);
        Assert.Equal(64, health.RawChunksDroppedForSpace);
        Assert.Equal(T0.AddSeconds(512), health.OldestRawReading);
        Assert.Contains("nearly full", health.LastProblem, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("dropped 64 raw chunks", StringComparison.Ordinal));

        // Reads start where raw data now starts; a reading behind the dropped data is refused.
        var power = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None);
        Assert.Equal(T0.AddSeconds(512), power[0].Timestamp);
        await store.AppendAsync([Power(10, 1)], CancellationToken.None);
        Assert.Equal(1, store.Health.RefusedReadings);
    }

    [Fact]
    public async Task When_dropping_every_raw_chunk_is_not_enough_the_store_reports_critical_and_keeps_running()
    {
        var logger = new CapturingLogger<ReadingStore>();
        await using var store = database.Open(o => o.MaxChunkPoints = 16, logger);
        await store.AppendAsync(TwoSeries(), CancellationToken.None);
        database.FreeSpace.AvailableBytes = 1024;

        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Equal(0, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(StorageHealthState.Critical, store.Health.State);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("below the floor", StringComparison.Ordinal));

        // Rollups stay and new readings are still taken.
        var hour = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), Resolution.Hour, 10, CancellationToken.None);
        Assert.Equal(2_400, Assert.Single(hour.Points).Count);
        await store.AppendAsync([Power(3_000, 42)], CancellationToken.None);
        Assert.Equal(42, (await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None))?.Value);

        // Space comes back: the state recovers from critical (the drop stays reported as degraded).
        database.FreeSpace.AvailableBytes = 10L * Floor;
        await store.RunMaintenanceAsync(CancellationToken.None);
        Assert.Equal(StorageHealthState.Degraded, store.Health.State);
    }

    [Fact]
    public async Task Appends_check_the_floor_once_per_maintenance_interval()
    {
        await using var store = database.Open(o => o.MaintenanceInterval = TimeSpan.FromMinutes(5));

        await store.AppendAsync([Power(0, 1)], CancellationToken.None);
        await store.AppendAsync([Power(1, 1)], CancellationToken.None);
        Assert.Equal(1, database.FreeSpace.Calls);
        Assert.Equal(database.FreeSpace.AvailableBytes, store.Health.FreeBytes - InFileFreeBytes());

        database.Time.Advance(TimeSpan.FromMinutes(5));
        await store.AppendAsync([Power(2, 1)], CancellationToken.None);
        Assert.Equal(2, database.FreeSpace.Calls);
        Assert.Equal(StorageHealthState.Ok, store.Health.State);
    }

    [Fact]
    public async Task Raw_readings_older_than_the_retention_are_dropped_and_rollups_kept()
    {
        await using var store = database.Open(o =>
        {
            o.MaxChunkPoints = 100;
            o.RawRetentionMonths = 1;
        });

        // The clock is T0 + 2 days: 45 days back is past one month, T0 itself is not.
        var old = T0.AddDays(-45);
        await store.AppendAsync(Enumerable.Range(0, 200).Select(s => Power(s, 7) with { Timestamp = old.AddSeconds(s) }).ToArray(), CancellationToken.None);
        await store.AppendAsync(Enumerable.Range(0, 150).Select(s => Power(s, 9)).ToArray(), CancellationToken.None);

        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Empty(await store.GetRangeAsync(SeriesNames.ElectricPower, old, old.AddDays(1), CancellationToken.None));
        Assert.Equal(150, (await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None)).Count);
        var oldDay = await store.GetRangeAsync(SeriesNames.ElectricPower, old, old.AddDays(1), Resolution.Day, 10, CancellationToken.None);
        Assert.Equal(200, Assert.Single(oldDay.Points).Count);
        Assert.Equal(StorageHealthState.Ok, store.Health.State);
    }

    [Fact]
    public async Task Rollup_retention_applies_per_resolution()
    {
        await using var store = database.Open(o => o.MinuteRollupRetentionMonths = 1);
        var old = T0.AddDays(-45);
        await store.AppendAsync([Power(0, 7) with { Timestamp = old }, Power(0, 9)], CancellationToken.None);

        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Empty((await store.GetRangeAsync(SeriesNames.ElectricPower, old, old.AddHours(1), Resolution.Minute, 10, CancellationToken.None)).Points);
        Assert.Single((await store.GetRangeAsync(SeriesNames.ElectricPower, old, old.AddHours(1), Resolution.Hour, 10, CancellationToken.None)).Points);
        Assert.Single((await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), Resolution.Minute, 10, CancellationToken.None)).Points);
    }

    private long InFileFreeBytes() => database.Scalar("PRAGMA freelist_count;") * database.Scalar("PRAGMA page_size;");
}
