using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests;

public sealed class PersistenceTests : TempDatabaseTests
{
    [Fact]
    public async Task Readings_survive_closing_and_reopening_the_store()
    {
        await using (var store = database.Open())
        {
            await store.AppendAsync([Power(0, 480), Import(0, 100)], CancellationToken.None);
        }

        await using (var reopened = database.Open())
        {
            Assert.Equal(2, await reopened.CountAsync(CancellationToken.None));
            Assert.Equal(480, (await reopened.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None))?.Value);

            // The series cache is rebuilt from the file, so existing series are reused, not duplicated.
            await reopened.AppendAsync([Power(5, 490)], CancellationToken.None);
            Assert.Equal(2, (await reopened.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), CancellationToken.None)).Count);
        }
    }

    [Fact]
    public async Task The_file_is_created_with_its_directory_in_wal_mode_at_the_current_schema_version()
    {
        await using (var store = database.Open())
        {
            Assert.True(File.Exists(database.FilePath));
            Assert.Equal(Path.GetFullPath(database.FilePath), store.DatabasePath);
        }

        using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)StorageSchema.Component.LatestVersion, Scalar(connection, "SELECT version FROM schema_migrations WHERE component = 'storage';"));
    }

    [Fact]
    public async Task A_file_from_a_newer_gateway_is_refused_and_left_untouched()
    {
        await using (database.Open())
        {
        }

        using (var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, "UPDATE schema_migrations SET version = 99 WHERE component = 'storage';");
        }

        await using var store = database.Open();
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync([Power(0, 1)], CancellationToken.None));

        Assert.Equal(StoreUnavailableReason.NewerSchema, error.Reason);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_series_id_beyond_the_open_row_key_is_refused_and_no_other_row_is_replaced()
    {
        await using (var store = database.Open())
        {
            await store.AppendAsync([Power(0, 480)], CancellationToken.None);
        }

        // Another process (or a restored file) has used up the ids an open row's key can carry: the next series would
        // get 2^20, and from 2^20 + 1 on a key at a timestamp is another series' key a millisecond later.
        using (var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            connection.Open();
            Scalar(connection, $"INSERT INTO series(id, name, unit) VALUES ({OpenRowKey.MaxSeriesId}, 'filler', 'W');");
        }

        await using var reopened = database.Open();
        await reopened.AppendAsync([Import(0, 100), Power(2, 485)], CancellationToken.None);

        // The new series' reading is refused and counted; the known series' reading in the same batch is stored.
        Assert.Equal(2, await reopened.CountAsync(CancellationToken.None));
        Assert.Equal(1, reopened.Health.RefusedReadings);
        Assert.Null(await reopened.GetLatestAsync(SeriesNames.ElectricImportEnergy, CancellationToken.None));

        // Existing series go on being stored.
        await reopened.AppendAsync([Power(5, 490)], CancellationToken.None);
        Assert.Equal(3, await reopened.CountAsync(CancellationToken.None));
        Assert.Equal(490, (await reopened.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None))?.Value);
    }

    [Fact]
    public async Task An_unusable_directory_reports_unavailable_on_use_instead_of_failing_construction()
    {
        Directory.CreateDirectory(database.Directory);
        var blocker = Path.Combine(database.Directory, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");

        await using var store = TempDatabase.Open(Path.Combine(blocker, "readings.db"));
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.CountAsync(CancellationToken.None));

        Assert.Equal(StoreUnavailableReason.CannotOpen, error.Reason);
        Assert.Contains(blocker, error.Message, StringComparison.Ordinal);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
