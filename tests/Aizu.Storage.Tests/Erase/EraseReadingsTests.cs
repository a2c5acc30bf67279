using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Erase;

public sealed class EraseReadingsTests : TempDatabaseTests
{
    [Fact]
    public async Task Erase_removes_readings_rollups_and_series_but_keeps_other_tables_and_the_store_usable()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 4);
        var batch = Enumerable.Range(0, 10).Select(i => Power(i * 10, 400 + i)).Append(Import(0, 100)).Append(Import(5, 100.5)).ToArray();
        await store.AppendAsync(batch, CancellationToken.None);

        // Another component's table in the same file (the consent ledger lives like this), and a consumer's cursor.
        await using (var other = new SqliteConnection($"Data Source={database.FilePath}"))
        {
            await other.OpenAsync();
            await using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE consent_proof(id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO consent_proof(text) VALUES ('granted');";
            await create.ExecuteNonQueryAsync();
        }

        await store.SetCursorsAsync("mirror", [new("elec.power", 42)], CancellationToken.None);
        Assert.Equal(12, await store.CountAsync(CancellationToken.None));

        var result = await store.EraseReadingsAsync(CancellationToken.None);

        Assert.Equal(new EraseResult(2, 12), result);
        Assert.Equal(0, await store.CountAsync(CancellationToken.None));
        Assert.Empty(await store.GetSeriesAsync(CancellationToken.None));
        Assert.Null(await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None));
        var minutes = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), Resolution.Minute, 100, CancellationToken.None);
        Assert.Empty(minutes.Points);
        Assert.Equal(42, (await store.GetCursorsAsync("mirror", CancellationToken.None))["elec.power"]);
        await using (var other = new SqliteConnection($"Data Source={database.FilePath}"))
        {
            await other.OpenAsync();
            await using var count = other.CreateCommand();
            count.CommandText = "SELECT count(*) FROM consent_proof; SELECT count(*) FROM rollup;";
            await using var reader = await count.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(1L, reader.GetInt64(0));
            Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
            Assert.Equal(0L, reader.GetInt64(0));
        }

        // The gateway keeps running: new readings (even at the erased timestamps) are stored as on a fresh file.
        await store.AppendAsync([Power(5, 777), Import(10, 101)], CancellationToken.None);
        Assert.Equal(2, await store.CountAsync(CancellationToken.None));
        var latest = await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None);
        Assert.Equal(777, Assert.NotNull(latest).Value);
        Assert.Equal<double?>(0, await store.GetCumulativeDeltaAsync(SeriesNames.ElectricImportEnergy, T0, T0.AddHours(1), CancellationToken.None));
    }

    [Fact]
    public async Task Erased_values_do_not_linger_in_the_file()
    {
        const string Marker = "indoor.secretroom.temperature";
        await using (var store = database.Open())
        {
            await store.AppendAsync(
                [.. Enumerable.Range(0, 50).Select(i => new Reading(Marker, T0.AddSeconds(i), 21.5, Units.DegreeCelsius))],
                CancellationToken.None);
            await store.EraseReadingsAsync(CancellationToken.None);
        }

        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(database.FilePath);
        var wal = database.FilePath + "-wal";
        if (File.Exists(wal))
        {
            bytes = [.. bytes, .. await File.ReadAllBytesAsync(wal)];
        }

        Assert.DoesNotContain(Marker, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
