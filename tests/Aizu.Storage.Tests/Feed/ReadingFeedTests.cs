using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Feed;

/// <summary>Reading after a position and consumer cursors: what the InfluxDB mirror pages with.</summary>
public sealed class ReadingFeedTests() : TempDatabaseTests(commitEveryBatch: true)
{
    private static Reading[] PowerSeconds(int from, int count) =>
        Enumerable.Range(from, count).Select(s => Power(s, 400 + (s % 17))).ToArray();

    [Fact]
    public async Task GetReadingsAfter_pages_through_chunks_open_rows_and_gaps_exactly_once()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 100);
        var first = PowerSeconds(0, 250);
        var afterGap = PowerSeconds(3 * 86_400, 130); // three days later: a gap wider than a read window
        await store.AppendAsync(first, CancellationToken.None);
        await store.AppendAsync(afterGap, CancellationToken.None);

        var seen = new List<Reading>();
        DateTimeOffset? position = null;
        while (true)
        {
            var page = await store.GetReadingsAfterAsync(SeriesNames.ElectricPower, position, 64, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            Assert.True(page.Count <= 64);
            seen.AddRange(page);
            position = page[^1].Timestamp;
        }

        Assert.Equal(first.Concat(afterGap), seen);
        Assert.Empty(await store.GetReadingsAfterAsync("no.such.series", null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task CountReadingsAfter_counts_what_is_left_after_a_position()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 100);
        await store.AppendAsync(PowerSeconds(0, 250), CancellationToken.None);

        Assert.Equal(250, await store.CountReadingsAfterAsync(SeriesNames.ElectricPower, null, CancellationToken.None));
        Assert.Equal(250 - 151, await store.CountReadingsAfterAsync(SeriesNames.ElectricPower, T0.AddSeconds(150), CancellationToken.None));
        Assert.Equal(50, await store.CountReadingsAfterAsync(SeriesNames.ElectricPower, T0.AddSeconds(199), CancellationToken.None));
        Assert.Equal(0, await store.CountReadingsAfterAsync(SeriesNames.ElectricPower, T0.AddSeconds(249), CancellationToken.None));

        // A late reading behind the sealed chunks adds one.
        await store.AppendAsync([Power(-5, 1)], CancellationToken.None);
        Assert.Equal(251, await store.CountReadingsAfterAsync(SeriesNames.ElectricPower, null, CancellationToken.None));
    }

    [Fact]
    public async Task GetRollupsAfter_returns_stored_buckets_after_a_start_in_order()
    {
        await using var store = database.Open();
        await store.AppendAsync(PowerSeconds(0, 600), CancellationToken.None);

        var minutes = await store.GetRollupsAfterAsync(SeriesNames.ElectricPower, Resolution.Minute, null, 100, CancellationToken.None);
        Assert.Equal(10, minutes.Count);
        Assert.Equal(T0, minutes[0].Start);
        Assert.Equal(T0.AddMinutes(1), minutes[0].End);
        Assert.All(minutes, m => Assert.Equal(60, m.Count));

        var rest = await store.GetRollupsAfterAsync(SeriesNames.ElectricPower, Resolution.Minute, minutes[6].Start, 2, CancellationToken.None);
        Assert.Equal([minutes[7], minutes[8]], rest);

        var day = Assert.Single(await store.GetRollupsAfterAsync(SeriesNames.ElectricPower, Resolution.Day, null, 10, CancellationToken.None));
        Assert.Equal(600, day.Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            store.GetRollupsAfterAsync(SeriesNames.ElectricPower, Resolution.Raw, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Cursors_are_kept_per_consumer_and_survive_a_reopen()
    {
        await using (var store = database.Open())
        {
            Assert.Empty(await store.GetCursorsAsync("influx-a", CancellationToken.None));
            await store.SetCursorsAsync("influx-a", [new("raw:elec.power", 42), new("sent", 7)], CancellationToken.None);
            await store.SetCursorsAsync("influx-b", [new("raw:elec.power", 1)], CancellationToken.None);
            await store.SetCursorsAsync("influx-a", [new("sent", 9)], CancellationToken.None);
        }

        await using (var reopened = database.Open())
        {
            var a = await reopened.GetCursorsAsync("influx-a", CancellationToken.None);
            Assert.Equal(2, a.Count);
            Assert.Equal(42, a["raw:elec.power"]);
            Assert.Equal(9, a["sent"]);
            Assert.Equal(1, (await reopened.GetCursorsAsync("influx-b", CancellationToken.None))["raw:elec.power"]);
            Assert.Throws<ArgumentException>(() => { _ = reopened.GetCursorsAsync("a/b", CancellationToken.None); });
        }
    }
}
