using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Chunks;

public sealed class ChunkJoiningTests() : TempDatabaseTests(commitEveryBatch: true)
{
    private static Reading[] PowerSeconds(int from, int count) =>
        Enumerable.Range(from, count).Select(s => Power(s, 400 + (s % 17) + (s / 300 * 25))).ToArray();

    [Fact]
    public async Task Maintenance_joins_full_runs_of_sealed_chunks_and_every_reading_stays_as_it_was()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 100);
        // Ten sealed chunks of 100 points and 30 open points, with a late reading over the third chunk. The store's own
        // maintenance runs at the first append, before there are chunks, and then not again on this stopped clock.
        await store.AppendAsync(PowerSeconds(0, 1), CancellationToken.None);
        await store.AppendAsync(PowerSeconds(1, 1_029), CancellationToken.None);
        await store.AppendAsync([Power(250, 9_999)], CancellationToken.None);
        Assert.Equal(10, database.Scalar("SELECT count(*) FROM chunk;"));
        var expected = PowerSeconds(0, 1_030).Select(r => r.Timestamp == T0.AddSeconds(250) ? r with { Value = 9_999 } : r).ToArray();
        var day = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), Resolution.Minute, 10_000, CancellationToken.None);

        await store.RunMaintenanceAsync(CancellationToken.None);

        // Two full runs of four joined; the last two chunks wait for two more to fill their run.
        Assert.Equal([400L, 400, 100, 100], SqliteCounts());
        Assert.Equal(expected, await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None));
        Assert.Equal(1_030, await store.CountAsync(CancellationToken.None));
        Assert.Equal(0, await store.VerifyAsync(CancellationToken.None));
        Assert.Equal(day.Points, (await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), Resolution.Minute, 10_000, CancellationToken.None)).Points);

        // Joined once: a second pass changes nothing, and new chunks are joined when their run is full.
        await store.RunMaintenanceAsync(CancellationToken.None);
        Assert.Equal([400L, 400, 100, 100], SqliteCounts());
        await store.AppendAsync(PowerSeconds(1_030, 200), CancellationToken.None);
        await store.RunMaintenanceAsync(CancellationToken.None);
        Assert.Equal([400L, 400, 400], SqliteCounts());
        Assert.Equal(expected.Concat(PowerSeconds(1_030, 200)), await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None));

        // A later reading behind a joined chunk still takes the late path and wins.
        await store.AppendAsync([Power(10, 7_777)], CancellationToken.None);
        Assert.Equal(7_777, (await store.GetRangeAsync(SeriesNames.ElectricPower, T0.AddSeconds(10), T0.AddSeconds(10.5), CancellationToken.None)).Single().Value);
    }

    [Fact]
    public async Task A_damaged_chunk_is_quarantined_and_its_neighbours_are_not_joined_over_it()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 100);
        await store.AppendAsync(PowerSeconds(0, 1), CancellationToken.None);
        await store.AppendAsync(PowerSeconds(1, 829), CancellationToken.None);
        database.Value("UPDATE chunk SET data = zeroblob(length(data)) WHERE start_ms = (SELECT min(start_ms) FROM chunk);");

        await store.RunMaintenanceAsync(CancellationToken.None);

        Assert.Equal(1, database.Scalar("SELECT count(*) FROM quarantine_chunk;"));
        Assert.Equal([100L, 100, 100, 400], SqliteCounts());
        Assert.Equal(PowerSeconds(100, 730), await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public void Runs_are_full_when_no_further_chunk_fits_or_the_next_one_did_not()
    {
        (long, long, long, long) Chunk(long start, long count, long span = 99) => (start, start, start + span, count);

        // Four of 100 fill 400; a run of three with nothing after it waits.
        Assert.Equal([(0, 4)], ReadingStore.FullRuns([Chunk(0, 100), Chunk(100, 100), Chunk(200, 100), Chunk(300, 100), Chunk(400, 100), Chunk(500, 100)], 100, 400, 86_400_000));
        // A joined chunk ends the run before it, so the two before it are joined.
        Assert.Equal([(0, 2)], ReadingStore.FullRuns([Chunk(0, 100), Chunk(100, 100), Chunk(200, 400)], 100, 400, 86_400_000));
        // A chunk that would stretch the run past the longest span ends it.
        Assert.Equal([(0, 2)], ReadingStore.FullRuns([Chunk(0, 10), Chunk(1_000, 10), Chunk(5_000, 10)], 100, 400, 2_000));
        // Never a run of one.
        Assert.Empty(ReadingStore.FullRuns([Chunk(0, 100), Chunk(100, 400), Chunk(500, 100)], 100, 400, 86_400_000));
    }

    private long[] SqliteCounts()
    {
        var counts = new List<long>();
        for (long offset = 0; database.Value($"SELECT count FROM chunk ORDER BY start_ms LIMIT 1 OFFSET {offset};") is long count; offset++)
        {
            counts.Add(count);
        }

        return [.. counts];
    }
}
