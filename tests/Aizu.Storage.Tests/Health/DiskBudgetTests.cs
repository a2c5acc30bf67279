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

    /// <summary>16-point chunks, so a few thousand readings make hundreds of chunks that may be dropped.</summary>
    private ReadingStore OpenWithSmallChunks(CapturingLogger<ReadingStore> logger, int rawDaysAlwaysKept) =>
        database.Open(o =>
        {
            o.MaxChunkPoints = 16;
            o.RawDaysAlwaysKept = rawDaysAlwaysKept;

            // The drops are counted in chunks as ingest seals them.
            o.JoinedChunks = 1;
        }, logger);

    [Fact]
    public async Task Below_the_floor_the_oldest_raw_chunks_go_first_until_space_is_back()
    {
        var logger = new CapturingLogger<ReadingStore>();
        await using var store = OpenWithSmallChunks(logger, rawDaysAlwaysKept: 0);
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
    public async Task When_the_store_could_not_meet_the_floor_nothing_is_dropped_and_the_store_reports_critical()
    {
        // Something else fills the disk: the store's raw data is a few KB, the floor is 256 MB away.
        var logger = new CapturingLogger<ReadingStore>();
        await using var store = OpenWithSmallChunks(logger, rawDaysAlwaysKept: 0);
        await store.AppendAsync(TwoSeries(), CancellationToken.None);
        database.FreeSpace.AvailableBytes = 1024;

        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Equal(300, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(0, store.Health.RawChunksDroppedForSpace);
        Assert.Equal(StorageHealthState.Critical, store.Health.State);
        Assert.Contains("something else is filling the disk", store.Health.LastProblem, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("below the floor", StringComparison.Ordinal));

        // New readings are still taken.
        await store.AppendAsync([Power(3_000, 42)], CancellationToken.None);
        Assert.Equal(42, (await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None))?.Value);

        // Space comes back: the state recovers from critical, and nothing was dropped to report.
        database.FreeSpace.AvailableBytes = 10L * Floor;
        await store.RunMaintenanceAsync(CancellationToken.None);
        Assert.Equal(StorageHealthState.Ok, store.Health.State);
    }

    [Fact]
    public async Task The_last_days_of_raw_data_are_never_dropped_for_space()
    {
        var logger = new CapturingLogger<ReadingStore>();
        await using var store = OpenWithSmallChunks(logger, rawDaysAlwaysKept: 3);

        // Ten days before the recent data: the same two series, 300 chunks that may go.
        var old = TwoSeries().Select(r => r with { Timestamp = r.Timestamp.AddDays(-10) }).ToArray();
        await store.AppendAsync(old, CancellationToken.None);
        await store.AppendAsync(TwoSeries(), CancellationToken.None);
        var recentChunks = database.Scalar($"SELECT count(*) FROM chunk WHERE start_ms >= {T0.ToUnixTimeMilliseconds()};");
        var rollupsBefore = database.Scalar("SELECT count(*) FROM rollup;");

        // One byte short, and dropping never frees it (the probe does not move): the old data goes, round by round,
        // and then it stops rather than touch the last three days.
        database.FreeSpace.Answer = () => Floor - 1 - InFileFreeBytes();
        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Equal(recentChunks, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(T0.ToUnixTimeMilliseconds(), database.Scalar("SELECT min(start_ms) FROM chunk;"));
        Assert.Equal(300, store.Health.RawChunksDroppedForSpace);
        Assert.Equal(rollupsBefore, database.Scalar("SELECT count(*) FROM rollup;"));
        Assert.Equal(StorageHealthState.Critical, store.Health.State);
        Assert.Contains("outside the last 3 days, which are always kept", store.Health.LastProblem, StringComparison.Ordinal);
        Assert.Equal(2 * 2_400, (await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None)).Count
            + (await store.GetRangeAsync(SeriesNames.ElectricCurrentR, T0, T0.AddDays(1), CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData(32, 20, "Ok", 32 * 1024 * 1024 / 10)]
    [InlineData(32, 2, "Critical", 32 * 1024 * 1024 / 10)]
    [InlineData(16 * 1024, 300, "Ok", 256 * 1024 * 1024)]
    [InlineData(16 * 1024, 200, "Critical", 256 * 1024 * 1024)]
    public async Task The_default_floor_is_at_most_a_tenth_of_the_disk(long diskMegabytes, long freeMegabytes, string state, long floorBytes)
    {
        await using var store = database.Open();
        database.FreeSpace.TotalBytes = diskMegabytes * 1024 * 1024;
        database.FreeSpace.AvailableBytes = freeMegabytes * 1024 * 1024;

        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Equal(floorBytes, store.Health.FreeSpaceFloorBytes);
        Assert.Equal(Enum.Parse<StorageHealthState>(state), store.Health.State);
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

    [Fact]
    public async Task A_floor_the_installer_set_is_kept_as_set()
    {
        await using var store = database.Open(o => o.MinFreeSpaceMegabytes = 64);
        database.FreeSpace.TotalBytes = 32L * 1024 * 1024;
        database.FreeSpace.AvailableBytes = 20L * 1024 * 1024;

        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Equal(64L * 1024 * 1024, store.Health.FreeSpaceFloorBytes);
        Assert.Equal(StorageHealthState.Critical, store.Health.State);
    }

    private long InFileFreeBytes() => database.Scalar("PRAGMA freelist_count;") * database.Scalar("PRAGMA page_size;");
}
