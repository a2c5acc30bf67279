using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests;

public sealed class ConcurrencyTests : TempDatabaseTests
{
    [Fact]
    public async Task Reads_see_whole_batches_while_appends_go_on()
    {
        const int Batches = 60;
        const int BatchSize = 20;
        await using var store = database.Open();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var writer = Task.Run(async () =>
        {
            for (var b = 0; b < Batches; b++)
            {
                var batch = Enumerable.Range(b * BatchSize, BatchSize).Select(s => Power(s, s)).ToArray();
                await store.AppendAsync(batch, timeout.Token);
            }
        });

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            long previous = 0;
            while (!writer.IsCompleted)
            {
                var count = await store.CountAsync(timeout.Token);
                Assert.True(count >= previous, "the count went backwards");
                Assert.Equal(0, count % BatchSize);
                previous = count;

                var latest = await store.GetLatestAsync(SeriesNames.ElectricPower, timeout.Token);
                var range = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), timeout.Token);
                Assert.True(latest is null || range.Count > 0);
                Assert.Equal(0, range.Count % BatchSize);
            }
        })).ToArray();

        await Task.WhenAll([writer, .. readers]);
        Assert.Equal(Batches * BatchSize, await store.CountAsync(CancellationToken.None));
    }
}
