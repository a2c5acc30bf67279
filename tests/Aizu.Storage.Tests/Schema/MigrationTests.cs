using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Schema;

public sealed class MigrationTests : TempDatabaseTests
{
    /// <summary>A file exactly as the version 1 store wrote it: one row per reading.</summary>
    private void CreateVersionOneFile(IEnumerable<(int Series, long Ms, double Value, int Quality)> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // The version 1 tables exactly as the first migration step makes them, at version 1 of the old scheme.
        command.CommandText = "PRAGMA journal_mode = WAL;\n" + StorageSchema.Component.Steps[0] + """

            PRAGMA user_version = 1;
            INSERT INTO series(id, name, unit) VALUES (1, 'elec.power', 'W'), (2, 'elec.import.energy', 'kWh');
            """;
        command.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO reading VALUES ($s, $t, $v, $q);";
        var s = insert.Parameters.Add("$s", SqliteType.Integer);
        var t = insert.Parameters.Add("$t", SqliteType.Integer);
        var v = insert.Parameters.Add("$v", SqliteType.Real);
        var q = insert.Parameters.Add("$q", SqliteType.Integer);
        foreach (var row in rows)
        {
            (s.Value, t.Value, v.Value, q.Value) = (row.Series, row.Ms, row.Value, row.Quality);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [Fact]
    public async Task A_version_one_demo_database_opens_migrated_with_every_reading_and_rollups()
    {
        var t0 = T0.ToUnixTimeMilliseconds();

        // 30 hours of power every 5 s (21 600 rows: more than one conversion step with the chunk size here)
        // and the import register every 30 minutes, one of them backfilled.
        var power = Enumerable.Range(0, 21_600).Select(i => (1, t0 + (i * 5_000L), 300.0 + (i % 50), 0));
        var import = Enumerable.Range(0, 61).Select(i => (2, t0 + (i * 1_800_000L), 1_000 + (0.25 * i), i == 3 ? 1 : 0));
        CreateVersionOneFile(power.Concat(import));

        await using var store = database.Open(o => o.MaxChunkPoints = 1_000);

        Assert.Equal(4L, database.Value("SELECT version FROM schema_migrations WHERE component = 'storage';"));
        Assert.Equal(0L, database.Value("SELECT count(*) FROM sqlite_master WHERE name = 'legacy_reading';"));
        Assert.Equal(21_661, await store.CountAsync(CancellationToken.None));
        Assert.True((long)database.Value("SELECT count(*) FROM chunk;")! >= 21);

        var powerBack = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(2), CancellationToken.None);
        Assert.Equal(power.Select(p => p.Item3), powerBack.Select(r => r.Value));
        Assert.Equal(power.Select(p => p.Item2), powerBack.Select(r => r.Timestamp.ToUnixTimeMilliseconds()));
        var importBack = await store.GetRangeAsync(SeriesNames.ElectricImportEnergy, T0, T0.AddDays(2), CancellationToken.None);
        Assert.Equal(ReadingQuality.Backfilled, importBack[3].Quality);

        var day = await store.GetRangeAsync(SeriesNames.ElectricImportEnergy, T0, T0.AddDays(1), Resolution.Day, 10, CancellationToken.None);
        Assert.Equal(48 * 0.25, Assert.Single(day.Points).Energy!.Value, 9);
        Assert.Equal(12.0, await store.GetCumulativeDeltaAsync(SeriesNames.ElectricImportEnergy, T0, T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_version_one_file_migrates_and_takes_readings()
    {
        CreateVersionOneFile([]);

        await using var store = database.Open();
        await store.AppendAsync([Power(0, 1)], CancellationToken.None);

        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
        Assert.Equal(4L, database.Value("SELECT version FROM schema_migrations WHERE component = 'storage';"));
    }
}
