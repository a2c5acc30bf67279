using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Rollups;

/// <summary>
/// Closed hours' minute rollups packed into blocks by maintenance: every query answers as it did from the rows, a
/// late point unpacks its hour, an existing store's rows are packed without losing a value, a damaged block is
/// quarantined and rebuilt from raw data.
/// </summary>
public sealed class MinutePackingTests : TempDatabaseTests
{
    // Three closed hours and five minutes of the open one.
    private const int Seconds = (3 * 3600) + 300;

    private static readonly long OpenHour = T0.AddHours(3).ToUnixTimeMilliseconds();

    public MinutePackingTests()
        : base(commitEveryBatch: true)
    {
    }

    private static Reading[] PowerSeconds(int from, int count) =>
        Enumerable.Range(from, count).Select(s => Power(s, Math.Round(500 + (300 * Math.Sin(s / 700.0)) + ((s * 7919) % 41)))).ToArray();

    private static Reading[] ImportMinutes(int from, int count) =>
        Enumerable.Range(from, count).Select(m => Import(m, 1000 + (m * 0.1))).ToArray();

    /// <summary>A store holding the sample data, all of it as rows: the first append's maintenance ran before any hour closed.</summary>
    private static async Task<ReadingStore> Filled(TempDatabase file)
    {
        var store = file.Open(o => o.CommitWindow = TimeSpan.Zero);
        await store.AppendAsync(PowerSeconds(0, 1), CancellationToken.None);
        await store.AppendAsync(PowerSeconds(1, Seconds - 1), CancellationToken.None);
        await store.AppendAsync(ImportMinutes(0, Seconds / 60), CancellationToken.None);
        return store;
    }

    /// <summary>What the panel, the exporter and the mirror read of the minutes and everything above them.</summary>
    private static async Task<List<object>> Answers(ReadingStore store)
    {
        var answers = new List<object>();
        foreach (var series in new[] { SeriesNames.ElectricPower, SeriesNames.ElectricImportEnergy })
        {
            foreach (var resolution in new[] { Resolution.Minute, Resolution.QuarterHour, Resolution.Hour, Resolution.Day })
            {
                answers.Add((await store.GetRangeAsync(series, T0, T0.AddDays(1), resolution, 100_000, CancellationToken.None)).Points);
            }

            answers.Add((await store.GetRangeAsync(series, T0.AddMinutes(50), T0.AddMinutes(130), Resolution.Minute, 7, CancellationToken.None)).Points);
            answers.Add((await store.GetRangeAsync(series, T0, T0.AddHours(4), Resolution.Auto, 100, CancellationToken.None)).Points);
            answers.Add(await store.GetRollupsAfterAsync(series, Resolution.Minute, null, 100_000, CancellationToken.None));
            answers.Add(await store.GetRollupsAfterAsync(series, Resolution.Minute, T0.AddMinutes(59), 90, CancellationToken.None));
            answers.Add(await store.GetRollupsAfterAsync(series, Resolution.QuarterHour, null, 100, CancellationToken.None));
        }

        return answers;
    }

    private static void AssertSame(List<object> expected, List<object> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((IEnumerable<AggregatePoint>)expected[i], (IEnumerable<AggregatePoint>)actual[i]);
        }
    }

    [Fact]
    public async Task Packed_hours_and_open_rows_answer_every_query_as_the_rows_did()
    {
        await using var store = await Filled(database);
        var rowForm = await Answers(store);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM minute_block;"));

        await store.RunMaintenanceAsync(CancellationToken.None);

        // Two series, three closed hours each; the open hour stays as rows.
        Assert.Equal(6, database.Scalar("SELECT count(*) FROM minute_block;"));
        Assert.Equal(0, database.Scalar($"SELECT count(*) FROM rollup WHERE level = 0 AND start_ms < {OpenHour};"));
        Assert.True(database.Scalar($"SELECT count(*) FROM rollup WHERE level = 0 AND start_ms >= {OpenHour};") > 0);
        AssertSame(rowForm, await Answers(store));
        Assert.Equal(Seconds + (Seconds / 60), StoredMinutes.Read(database.FilePath).Sum(m => m.Minute.Count));
    }

    [Fact]
    public async Task A_late_point_in_a_packed_hour_unpacks_it_and_the_answers_match_a_store_that_never_packed()
    {
        using var rowFile = new TempDatabase();
        await using var rows = await Filled(rowFile);
        await using var store = await Filled(database);
        await store.RunMaintenanceAsync(CancellationToken.None);

        Reading[] late = [Power(4000, 99_999), Power(4000, 1) with { Timestamp = T0.AddSeconds(4000.5) }, Import(70, 1007.05)];
        await rows.AppendAsync(late, CancellationToken.None);
        await store.AppendAsync(late, CancellationToken.None);

        // Both series' second hour is rows again, next to the other packed hours.
        Assert.Equal(4, database.Scalar("SELECT count(*) FROM minute_block;"));
        AssertSame(await Answers(rows), await Answers(store));

        await store.RunMaintenanceAsync(CancellationToken.None);
        Assert.Equal(6, database.Scalar("SELECT count(*) FROM minute_block;"));
        AssertSame(await Answers(rows), await Answers(store));
    }

    [Fact]
    public async Task Setting_aside_readings_after_a_cut_in_a_packed_hour_matches_a_store_that_never_packed()
    {
        using var rowFile = new TempDatabase();
        await using var rows = await Filled(rowFile);
        await using var store = await Filled(database);
        await store.RunMaintenanceAsync(CancellationToken.None);

        var cut = T0.AddMinutes(95).AddSeconds(20);
        Assert.Equal(await rows.SetAsideAfterAsync(cut, CancellationToken.None), await store.SetAsideAfterAsync(cut, CancellationToken.None));

        Assert.Equal(2, database.Scalar("SELECT count(*) FROM minute_block;"));
        AssertSame(await Answers(rows), await Answers(store));
    }

    [Fact]
    public async Task A_store_from_before_the_blocks_keeps_every_minute_through_the_migration_and_the_packing()
    {
        List<object> before;
        await using (var store = await Filled(database))
        {
            before = await Answers(store);
        }

        // The file as the previous schema version left it: rows only, no block tables.
        using (var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            connection.Open();
            GatewayDatabase.Execute(connection, $"""
                DROP TABLE minute_block;
                DROP TABLE quarantine_minute_block;
                UPDATE schema_migrations SET version = {StorageSchema.Component.LatestVersion - 1} WHERE component = 'storage';
                """);
        }

        await using (var store = database.Open())
        {
            AssertSame(before, await Answers(store));
            Assert.Equal(StorageSchema.Component.LatestVersion, database.Scalar("SELECT version FROM schema_migrations WHERE component = 'storage';"));
            await store.RunMaintenanceAsync(CancellationToken.None);
            Assert.Equal(6, database.Scalar("SELECT count(*) FROM minute_block;"));
            AssertSame(before, await Answers(store));
        }
    }

    [Fact]
    public async Task A_damaged_block_is_quarantined_with_one_log_line_and_its_minutes_are_rebuilt_from_raw_data()
    {
        var logger = new CapturingLogger<ReadingStore>();
        List<object> before;
        await using (var store = await Filled(database))
        {
            before = await Answers(store);
            await store.RunMaintenanceAsync(CancellationToken.None);
        }

        var secondHour = T0.AddHours(1);
        using (var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            connection.Open();
            GatewayDatabase.Execute(connection, $"""
                UPDATE minute_block SET data = zeroblob(length(data))
                WHERE key = {MinuteRollups.Key(1, secondHour.ToUnixTimeMilliseconds())};
                """);
        }

        await using (var store = database.Open(logger: logger))
        {
            // The read that finds it answers without that hour; the other hours and series are intact.
            var minutes = (await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), Resolution.Minute, 100_000, CancellationToken.None)).Points;
            Assert.Equal(((IEnumerable<AggregatePoint>)before[0]).Where(p => p.Start < secondHour || p.Start >= secondHour.AddHours(1)), minutes);

            Assert.Equal(1, database.Scalar("SELECT count(*) FROM quarantine_minute_block;"));
            Assert.Equal("checksum mismatch", (string?)database.Value("SELECT reason FROM quarantine_minute_block;"));
            Assert.Single(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("damaged", StringComparison.Ordinal));
            Assert.Equal(StorageHealthState.Degraded, store.Health.State);

            // Raw data still covers the hour: its minutes are back, as rows until the next pass packs them again.
            AssertSame(before, await Answers(store));
            await store.RunMaintenanceAsync(CancellationToken.None);
            Assert.Equal(6, database.Scalar("SELECT count(*) FROM minute_block;"));
            AssertSame(before, await Answers(store));
        }
    }
}
