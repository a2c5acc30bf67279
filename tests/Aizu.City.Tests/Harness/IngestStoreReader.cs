namespace Aizu.City.Tests;

/// <summary>The store of a database that child processes fill, read from the test through the product's own queries.</summary>
internal sealed class IngestStoreReader : IAsyncDisposable
{
    private readonly IngestDatabase database;

    private IngestStoreReader(IngestDatabase database, AggregateStore store)
    {
        this.database = database;
        Store = store;
    }

    public AggregateStore Store { get; }

    public IngestDatabase Database => database;

    public static Task<IngestStoreReader> OpenAsync(string connectionString)
    {
        var database = new IngestDatabase(Options.Create(new IngestOptions { ConnectionString = connectionString }), NullLogger<IngestDatabase>.Instance);
        return Task.FromResult(new IngestStoreReader(database, new AggregateStore(database, TimeProvider.System)));
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
