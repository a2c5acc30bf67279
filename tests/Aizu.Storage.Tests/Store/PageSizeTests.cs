using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Store;

/// <summary>New files get the small pages that keep a commit's WAL frames small; files made before keep theirs.</summary>
public sealed class PageSizeTests() : TempDatabaseTests(commitEveryBatch: true)
{
    [Fact]
    public async Task A_new_file_has_the_small_page_size()
    {
        await using (var store = database.Open())
        {
            await store.AppendAsync([Power(0, 300), Power(2, 310)], CancellationToken.None);
        }

        Assert.Equal(GatewayDatabase.NewFilePageSize, database.Scalar("PRAGMA page_size;"));
    }

    [Fact]
    public async Task A_file_made_with_4_KiB_pages_keeps_them_and_its_readings()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(database.FilePath)!);
        using (var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False"))
        {
            connection.Open();
            GatewayDatabase.Execute(connection, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE earlier(x);");
        }

        await using (var store = database.Open())
        {
            await store.AppendAsync([Power(0, 300), Power(2, 310)], CancellationToken.None);
        }

        await using (var reopened = database.Open())
        {
            var back = await reopened.GetRangeAsync(Aizu.Readings.SeriesNames.ElectricPower, T0, T0.AddMinutes(1), CancellationToken.None);
            Assert.Equal([300.0, 310.0], back.Select(r => r.Value));
        }

        Assert.Equal(4096, database.Scalar("PRAGMA page_size;"));
    }
}
