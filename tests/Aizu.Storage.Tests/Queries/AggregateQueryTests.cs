using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Queries;

public sealed class AggregateQueryTests : TempDatabaseTests
{
    private static Reading[] OneHertz(int hours) =>
        Enumerable.Range(0, hours * 3_600).Select(s => Power(s, 300 + (s % 600))).ToArray();

    [Fact]
    public async Task Auto_picks_minutes_for_a_day_at_1000_points_and_merges_them_to_stay_within_the_limit()
    {
        await using var store = database.Open();
        var readings = OneHertz(24);
        await store.AppendAsync(readings, CancellationToken.None);

        var range = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), Resolution.Auto, 1_000, CancellationToken.None);

        Assert.Equal(Resolution.Minute, range.Resolution);
        Assert.Equal("W", range.Unit);
        Assert.Equal(720, range.Points.Count);
        Assert.All(range.Points, p => Assert.Equal(TimeSpan.FromMinutes(2), p.End - p.Start));
        Assert.Equal(readings.Length, range.Points.Sum(p => p.Count));
        Assert.Equal(readings.Min(r => r.Value), range.Points.Min(p => p.Min));
        Assert.Equal(readings.Max(r => r.Value), range.Points.Max(p => p.Max));
        Assert.Equal(readings.Average(r => r.Value), range.Points.Sum(p => p.Mean!.Value * p.Count) / readings.Length, 9);
        Assert.Null(range.Points[0].Energy);
    }

    [Fact]
    public async Task Auto_falls_back_to_raw_readings_for_short_spans_and_buckets_them_when_there_are_too_many()
    {
        await using var store = database.Open();
        await store.AppendAsync(OneHertz(1), CancellationToken.None);

        var tenMinutes = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddMinutes(10), Resolution.Auto, 1_000, CancellationToken.None);
        Assert.Equal(Resolution.Raw, tenMinutes.Resolution);
        Assert.Equal(600, tenMinutes.Points.Count);
        Assert.All(tenMinutes.Points, p => Assert.Equal(1, p.Count));

        var hour = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), Resolution.Auto, 100, CancellationToken.None);
        Assert.Equal(Resolution.Raw, hour.Resolution);
        Assert.Equal(100, hour.Points.Count);
        Assert.Equal(3_600, hour.Points.Sum(p => p.Count));
        Assert.Equal(300, hour.Points.Min(p => p.Min));
        Assert.Equal(899, hour.Points.Max(p => p.Max));
    }

    [Fact]
    public async Task Explicit_resolutions_return_their_buckets()
    {
        await using var store = database.Open();
        await store.AppendAsync(OneHertz(3), CancellationToken.None);

        var hours = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), Resolution.Hour, 1_000, CancellationToken.None);
        Assert.Equal(3, hours.Points.Count);
        Assert.All(hours.Points, p => Assert.Equal(3_600, p.Count));
        Assert.Equal(599.5, hours.Points[0].Mean);

        var quarters = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), Resolution.QuarterHour, 1_000, CancellationToken.None);
        Assert.Equal(4, quarters.Points.Count);

        // The store's zone is UTC here, so the day starts at T0.
        var days = await store.GetRangeAsync(SeriesNames.ElectricPower, T0.AddDays(-10), T0.AddDays(10), Resolution.Day, 1_000, CancellationToken.None);
        var day = Assert.Single(days.Points);
        Assert.Equal(T0, day.Start);
        Assert.Equal(T0.AddDays(1), day.End);
        Assert.Equal(10_800, day.Count);
    }

    [Fact]
    public async Task Unknown_series_give_an_empty_range_and_bad_arguments_are_refused()
    {
        await using var store = database.Open();

        var empty = await store.GetRangeAsync("gas.volume", T0, T0.AddDays(1), Resolution.Auto, 10, CancellationToken.None);
        Assert.Empty(empty.Points);
        Assert.Null(empty.Unit);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetRangeAsync("x", T0, T0.AddDays(1), Resolution.Auto, 0, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetRangeAsync("x", T0, T0.AddDays(-1), Resolution.Auto, 10, CancellationToken.None));
    }
}
