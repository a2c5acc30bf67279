using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests;

public sealed class FullDiskTests() : TempDatabaseTests(commitEveryBatch: true)
{
    private static Reading[] ManyPowerReadings(int startSecond, int count) =>
        Enumerable.Range(startSecond, count).Select(s => Power(s, s * 1.5)).ToArray();

    [Fact]
    public async Task A_full_disk_fails_the_whole_batch_with_a_clear_message_and_keeps_earlier_data()
    {
        await using (var store = database.Open())
        {
            await store.AppendAsync(ManyPowerReadings(0, 100), CancellationToken.None);
            store.LimitPagesForTesting(store.LimitPagesForTesting(null));

            var error = await Assert.ThrowsAsync<StoreUnavailableException>(
                () => store.AppendAsync(ManyPowerReadings(1_000, 5_000), CancellationToken.None));

            Assert.Equal(StoreUnavailableReason.DiskFull, error.Reason);
            Assert.Contains($"disk holding {store.DatabasePath} is full", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(100, await store.CountAsync(CancellationToken.None));

            // Once space is back the same batch goes in.
            store.LimitPagesForTesting(null);
            await store.AppendAsync(ManyPowerReadings(1_000, 5_000), CancellationToken.None);
            Assert.Equal(5_100, await store.CountAsync(CancellationToken.None));
        }

        using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", check.ExecuteScalar());
    }

    [Fact]
    public async Task After_a_full_disk_the_file_reopens_with_only_the_acknowledged_data()
    {
        await using (var store = database.Open())
        {
            await store.AppendAsync(ManyPowerReadings(0, 100), CancellationToken.None);
            store.LimitPagesForTesting(store.LimitPagesForTesting(null));
            await Assert.ThrowsAsync<StoreUnavailableException>(
                () => store.AppendAsync(ManyPowerReadings(1_000, 5_000), CancellationToken.None));
        }

        await using var reopened = database.Open();
        var readings = await reopened.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None);
        Assert.Equal(ManyPowerReadings(0, 100), readings);
    }
}
