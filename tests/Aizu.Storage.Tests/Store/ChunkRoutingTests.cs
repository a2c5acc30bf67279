using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Store;

public sealed class ChunkRoutingTests() : TempDatabaseTests(commitEveryBatch: true)
{
    private static Reading[] PowerSeconds(int from, int count) =>
        Enumerable.Range(from, count).Select(s => Power(s, 400 + (s % 17))).ToArray();

    [Fact]
    public async Task A_full_open_chunk_is_sealed_and_its_rows_leave_the_open_table()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 100);

        await store.AppendAsync(PowerSeconds(0, 99), CancellationToken.None);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(99, database.Scalar("SELECT count(*) FROM open_reading;"));

        await store.AppendAsync(PowerSeconds(99, 151), CancellationToken.None);
        Assert.Equal(2, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(50, database.Scalar("SELECT count(*) FROM open_reading;"));
        Assert.Equal(250, await store.CountAsync(CancellationToken.None));
        Assert.Equal(PowerSeconds(0, 250), await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_slow_series_seals_when_its_open_chunk_spans_the_maximum_duration()
    {
        await using var store = database.Open(o => o.MaxChunkDuration = TimeSpan.FromHours(1));

        // One kWh value every 30 minutes for 3 hours: chunks of [0, 30] min, [60, 90] min, [120, 150] min, the rest open.
        await store.AppendAsync(Enumerable.Range(0, 7).Select(i => Import(i * 30, 100 + i)).ToArray(), CancellationToken.None);

        Assert.Equal(3, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(1, database.Scalar("SELECT count(*) FROM open_reading;"));
    }

    [Fact]
    public async Task Readings_out_of_order_within_the_open_chunk_are_merged_in_time_order()
    {
        await using var store = database.Open();

        await store.AppendAsync([Power(10, 1), Power(30, 3)], CancellationToken.None);
        // The clock jumped back: 20 s arrives after 30 s, then 0 s.
        await store.AppendAsync([Power(20, 2)], CancellationToken.None);
        await store.AppendAsync([Power(0, 0)], CancellationToken.None);

        var range = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddMinutes(1), CancellationToken.None);
        Assert.Equal([0.0, 1, 2, 3], range.Select(r => r.Value));
        Assert.Equal(Power(30, 3), await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None));
    }

    [Fact]
    public async Task A_reading_behind_a_sealed_chunk_takes_the_late_path_and_leaves_the_chunk_untouched()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 100);
        await store.AppendAsync(PowerSeconds(0, 150), CancellationToken.None);
        var chunkBefore = database.Scalar("SELECT crc FROM chunk;");

        // A new value for 50 s (inside the sealed chunk) and a reading at 50.5 s that it never had.
        await store.AppendAsync([Power(50, 9_999), new(SeriesNames.ElectricPower, T0.AddSeconds(50.5), 8_888, Units.Watt)], CancellationToken.None);

        Assert.Equal(chunkBefore, database.Scalar("SELECT crc FROM chunk;"));
        Assert.Equal(2, database.Scalar("SELECT count(*) FROM late_reading;"));
        var range = await store.GetRangeAsync(SeriesNames.ElectricPower, T0.AddSeconds(49), T0.AddSeconds(52), CancellationToken.None);
        Assert.Equal([PowerSeconds(49, 1)[0].Value, 9_999, 8_888, PowerSeconds(51, 1)[0].Value], range.Select(r => r.Value));
        Assert.Equal(151, await store.CountAsync(CancellationToken.None));

        // Late data survives a reopen and still wins over the chunk.
        await store.DisposeAsync();
        await using var reopened = database.Open(o => o.MaxChunkPoints = 100);
        Assert.Equal(9_999, (await reopened.GetRangeAsync(SeriesNames.ElectricPower, T0.AddSeconds(50), T0.AddSeconds(50.1), CancellationToken.None)).Single().Value);
    }

    [Fact]
    public async Task Readings_stamped_before_2020_are_not_stored_and_are_counted()
    {
        var logger = new CapturingLogger<ReadingStore>();
        await using var store = database.Open(logger: logger);

        await store.AppendAsync(
            [Power(0, 1), new(SeriesNames.ElectricPower, new DateTimeOffset(1970, 1, 1, 0, 0, 9, TimeSpan.Zero), 2, Units.Watt)],
            CancellationToken.None);

        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
        Assert.Equal(1, store.Health.RefusedReadings);
        Assert.Contains(logger.Entries, e => e.Message.Contains("not stored", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_chunks_and_newest_points_are_rebuilt_after_a_reopen()
    {
        await using (var store = database.Open(o => o.MaxChunkPoints = 100))
        {
            await store.AppendAsync(PowerSeconds(0, 130), CancellationToken.None);
        }

        await using (var store = database.Open(o => o.MaxChunkPoints = 100))
        {
            await store.AppendAsync(PowerSeconds(130, 70), CancellationToken.None);
        }

        Assert.Equal(2, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM late_reading;"));
        await using var reopened = database.Open();
        Assert.Equal(PowerSeconds(0, 200), await reopened.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task One_second_data_takes_less_than_a_byte_and_a_half_per_point_in_chunks()
    {
        await using var store = database.Open();
        var random = new Random(3);
        var readings = Enumerable.Range(0, 7_200).Select(s => Power(s, 500 + random.Next(-30, 31))).ToArray();

        await store.AppendAsync(readings, CancellationToken.None);

        var bytes = database.Scalar("SELECT sum(length(data)) FROM chunk;");
        Assert.True(bytes < 7_200 * 1.5, $"{bytes} bytes for 7200 points");
    }
}
