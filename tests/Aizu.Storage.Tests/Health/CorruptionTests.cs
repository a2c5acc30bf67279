using static Aizu.Storage.Tests.Samples;

namespace Aizu.Storage.Tests.Health;

public sealed class CorruptionTests : TempDatabaseTests
{
    private static Reading[] PowerSeconds(int from, int count) =>
        Enumerable.Range(from, count).Select(s => Power(s, 300 + (s % 11))).ToArray();

    /// <summary>Flips bytes in the middle of the second chunk's data behind the store's back, as a failing card would.</summary>
    private void DamageSecondChunk()
    {
        using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, data FROM chunk ORDER BY start_ms LIMIT 1 OFFSET 1;";
        long id;
        byte[] data;
        using (var reader = read.ExecuteReader())
        {
            Assert.True(reader.Read());
            id = reader.GetInt64(0);
            data = reader.GetFieldValue<byte[]>(1);
        }

        data[data.Length / 2] ^= 0xFF;
        data[(data.Length / 2) + 1] ^= 0x5A;
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE chunk SET data = $d WHERE id = $id;";
        write.Parameters.AddWithValue("$d", data);
        write.Parameters.AddWithValue("$id", id);
        write.ExecuteNonQuery();
    }

    [Fact]
    public async Task A_flipped_chunk_is_detected_reported_quarantined_and_the_rest_stays_readable()
    {
        var logger = new CapturingLogger<ReadingStore>();
        await using var store = database.Open(o => o.MaxChunkPoints = 100, logger);
        await store.AppendAsync(PowerSeconds(0, 350), CancellationToken.None);
        var rollupsBefore = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), Resolution.Minute, 100, CancellationToken.None);
        DamageSecondChunk();

        var range = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddDays(1), CancellationToken.None);

        // Chunk 2 (100..199 s) is gone; chunks 1 and 3 and the open rows are intact.
        Assert.Equal([.. PowerSeconds(0, 100), .. PowerSeconds(200, 150)], range);
        Assert.Equal(1, database.Scalar("SELECT count(*) FROM quarantine_chunk;"));
        Assert.Equal("checksum mismatch", (string?)database.Value("SELECT reason FROM quarantine_chunk;"));
        Assert.Equal(2, database.Scalar("SELECT count(*) FROM chunk;"));
        Assert.Equal(StorageHealthState.Degraded, store.Health.State);
        Assert.Equal(1, store.Health.QuarantinedChunks);
        Assert.Contains("quarantine", store.Health.LastProblem, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("damaged", StringComparison.Ordinal));

        // Rollups were computed when the data arrived and are kept.
        var rollupsAfter = await store.GetRangeAsync(SeriesNames.ElectricPower, T0, T0.AddHours(1), Resolution.Minute, 100, CancellationToken.None);
        Assert.Equal(rollupsBefore.Points, rollupsAfter.Points);

        // The store goes on taking readings.
        await store.AppendAsync(PowerSeconds(350, 10), CancellationToken.None);
        Assert.Equal(260, await store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Verify_scrubs_every_chunk_and_quarantines_the_bad_ones()
    {
        await using var store = database.Open(o => o.MaxChunkPoints = 100);
        await store.AppendAsync(PowerSeconds(0, 350), CancellationToken.None);
        Assert.Equal(0, await store.VerifyAsync(CancellationToken.None));
        DamageSecondChunk();

        Assert.Equal(1, await store.VerifyAsync(CancellationToken.None));
        Assert.Equal(0, await store.VerifyAsync(CancellationToken.None));
        Assert.Equal(1, database.Scalar("SELECT count(*) FROM quarantine_chunk;"));
    }

    [Fact]
    public async Task A_damaged_newest_chunk_found_at_start_up_is_quarantined_and_the_store_opens()
    {
        await using (var store = database.Open(o => o.MaxChunkPoints = 100))
        {
            await store.AppendAsync(PowerSeconds(0, 200), CancellationToken.None);
        }

        DamageSecondChunk();
        await using var reopened = database.Open(o => o.MaxChunkPoints = 100);

        Assert.Equal(PowerSeconds(99, 1)[0], await reopened.GetLatestAsync(SeriesNames.ElectricPower, CancellationToken.None));
        Assert.Equal(1, reopened.Health.QuarantinedChunks);
        await reopened.AppendAsync(PowerSeconds(200, 5), CancellationToken.None);
        Assert.Equal(105, await reopened.CountAsync(CancellationToken.None));
    }
}
