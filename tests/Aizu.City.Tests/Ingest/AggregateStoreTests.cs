namespace Aizu.City.Tests.Ingest;

/// <summary>The store on real PostgreSQL: idempotent by message id, monthly partitions made on demand and made again when dropped.</summary>
public sealed class AggregateStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private CityTestSetup setup = null!;
    private IngestStoreReader reader = null!;

    public async Task InitializeAsync()
    {
        setup = await CityTestSetup.StartAsync();
        reader = await IngestStoreReader.OpenAsync(setup.ConnectionString);
        await reader.Database.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await reader.DisposeAsync();
        await setup.DisposeAsync();
    }

    [Fact]
    public async Task Store_CountsAReSendOnce_PartitionsByMonth_AndRecreatesADroppedPartition()
    {
        var first = Window("m-1", March);
        var april = Window("m-2", March.AddMonths(1));
        var outcome = await reader.Store.StoreAsync([(first, March.AddYears(2), null), (april, March.AddYears(2), null), (first, March.AddYears(2), null)], CancellationToken.None);
        Assert.Equal(["m-1", "m-2"], outcome.Inserted.Order(StringComparer.Ordinal));
        Assert.Equal(["m-1"], outcome.Duplicates);

        await using var connection = new NpgsqlConnection(setup.ConnectionString);
        await connection.OpenAsync();
        await using (var partitions = new NpgsqlCommand("SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'aggregate'::regclass", connection))
        {
            Assert.Equal("aggregate_y2026m03,aggregate_y2026m04", await partitions.ExecuteScalarAsync());
        }

        await using (var drop = new NpgsqlCommand("DROP TABLE aggregate_y2026m03", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        // The first attempt meets the missing partition (the processor retries on any PostgreSQL error); the retry makes it again.
        var again = Window("m-3", March.AddDays(1));
        await Assert.ThrowsAsync<PostgresException>(() => reader.Store.StoreAsync([(again, March.AddYears(2), null)], CancellationToken.None));
        Assert.Equal(["m-3"], (await reader.Store.StoreAsync([(again, March.AddYears(2), null)], CancellationToken.None)).Inserted);
        Assert.Equal(["m-2", "m-3"], (await reader.Store.ListAsync(null, CancellationToken.None)).Select(s => s.MessageId).Order(StringComparer.Ordinal));
    }

    private static EnergyWindow Window(string id, DateTimeOffset start) =>
        new(id, new DataSet("city-energy-planning", "a8990db1f9b9d20d"), "elec.import.energy", start, start.AddDays(1), "P1D", 10_000, "plan-b@1");
}
