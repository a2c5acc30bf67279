using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests;

public sealed class ReadingStoreRoundTripTests : TempDatabaseTests
{
    [Fact]
    public async Task Append_then_read_returns_the_same_readings_in_time_order()
    {
        await using var store = database.Open();
        Reading[] written =
        [
            Power(10, 532.5),
            Power(0, 480),
            Import(0, 1234.5, ReadingQuality.Backfilled),
            new(SeriesNames.ElectricCurrentR, T0, 3.2, Units.Ampere, ReadingQuality.Uncertain),
        ];

        await store.AppendAsync(written, CancellationToken.None);

        var power = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddMinutes(1), CancellationToken.None);
        Assert.Equal([Power(0, 480), Power(10, 532.5)], power);
        var import = await store.GetRangeAsync(SeriesNames.ElectricImportEnergy, T0, T0.AddMinutes(1), CancellationToken.None);
        Assert.Equal(ReadingQuality.Backfilled, Assert.Single(import).Quality);
        Assert.Equal(Power(10, 532.5), await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None));
        Assert.Equal(ReadingQuality.Uncertain, (await store.GetLatestAsync(SeriesNames.ElectricCurrentR, CancellationToken.None))?.Quality);
        Assert.Equal(4, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Timestamps_come_back_in_utc_with_millisecond_precision()
    {
        await using var store = database.Open();
        var tokyo = new DateTimeOffset(2025, 6, 1, 9, 0, 0, 123, TimeSpan.FromHours(9)).AddTicks(4567);

        await store.AppendAsync([new(SeriesNames.ElectricPower, tokyo, 1, Units.Watt)], CancellationToken.None);

        var latest = await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None);
        Assert.Equal(TimeSpan.Zero, latest!.Value.Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, 123, TimeSpan.Zero), latest.Value.Timestamp);
    }

    [Fact]
    public async Task Range_is_half_open()
    {
        await using var store = database.Open();
        await store.AppendAsync([Power(0, 1), Power(60, 2), Power(120, 3)], CancellationToken.None);

        var range = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddSeconds(120), CancellationToken.None);

        Assert.Equal([1.0, 2.0], range.Select(r => r.Value));
    }

    [Fact]
    public async Task A_duplicate_timestamp_replaces_the_earlier_value()
    {
        await using var store = database.Open();
        await store.AppendAsync([Import(30, 100.0), Import(60, 100.5)], CancellationToken.None);

        // The meter's 30-minute history is backfilled again after a reconnect, with a corrected value.
        await store.AppendAsync([Import(30, 100.1, ReadingQuality.Backfilled)], CancellationToken.None);

        var all = await store.GetRangeAsync(SeriesNames.ElectricImportEnergy, T0, T0.AddHours(2), CancellationToken.None);
        Assert.Equal([Import(30, 100.1, ReadingQuality.Backfilled), Import(60, 100.5)], all);
        Assert.Equal(2, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_duplicate_within_one_batch_keeps_the_last()
    {
        await using var store = database.Open();

        await store.AppendAsync([Power(0, 1), Power(0, 2)], CancellationToken.None);

        Assert.Equal(2, (await store.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None))?.Value);
    }

    [Fact]
    public async Task Unknown_series_reads_as_empty()
    {
        await using var store = database.Open();

        Assert.Null(await store.GetLatestAsync("gas.volume", CancellationToken.None));
        Assert.Empty(await store.GetRangeAsync("gas.volume", T0, T0.AddDays(1), CancellationToken.None));
        Assert.Null(await store.GetCumulativeDeltaAsync("gas.volume", T0, T0.AddDays(1), CancellationToken.None));
        Assert.Equal(0, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_reading_in_another_unit_than_its_series_is_refused_and_nothing_is_written()
    {
        await using var store = database.Open();
        await store.AppendAsync([Power(0, 500)], CancellationToken.None);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(
            [Power(5, 510), new(SeriesNames.ElectricPower, T0.AddSeconds(10), 0.5, Units.KilowattHour)],
            CancellationToken.None));

        Assert.Contains("kWh", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await store.CountAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task A_non_finite_value_is_refused(double value)
    {
        await using var store = database.Open();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([Power(0, value)], CancellationToken.None));

        Assert.Equal(0, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Random_batches_round_trip() =>
        await Gen.Select(Gen.Int[0, 100_000], Gen.Double[-10_000, 10_000])
            .Array[1, 40]
            .SampleAsync(async points =>
            {
                using var scratch = new TempDatabase();
                await using var store = scratch.Open();
                var batch = points.Select(p => Power(p.Item1, p.Item2)).ToArray();

                await store.AppendAsync(batch, CancellationToken.None);

                // Last write per timestamp wins, like the table's primary key.
                var expected = batch.GroupBy(r => r.Timestamp).Select(g => g.Last()).OrderBy(r => r.Timestamp).ToArray();
                var actual = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(2), CancellationToken.None);
                Assert.Equal(expected, actual);
            }, iter: 25);
}
