namespace Aizu.Storage;

/// <summary>
/// The reading store opened outside the gateway's host (an <c>aizu</c> verb, a tool): the same roles
/// the host hands out, on one file; disposing closes it. Inside the host, depend on a role instead.
/// </summary>
public sealed class ReadingStoreFile : IDisposable, IAsyncDisposable
{
    private readonly ReadingStore store;

    /// <summary>Opens (creating when missing) the file <paramref name="options"/> names; day rollups follow <paramref name="household"/>.</summary>
    /// <remarks>A file that cannot be opened yet does not throw here; each call reports <see cref="StoreUnavailableException"/>.</remarks>
    public ReadingStoreFile(StorageOptions options, HouseholdCalendar household, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(household);
        store = new ReadingStore(
            Options.Create(options),
            (loggers ?? NullLoggerFactory.Instance).CreateLogger<ReadingStore>(),
            household);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => store.DatabasePath;

    /// <summary>Adding readings, retention and the chunk scrub.</summary>
    public IReadingWriter Writer => store;

    /// <summary>Readings, rollups and totals.</summary>
    public IReadingQueries Queries => store;

    /// <summary>A consumer's ordered way through the readings, with its own cursors.</summary>
    public IReadingFeed Feed => store;

    /// <summary>Erasing every reading.</summary>
    public IReadingEraser Eraser => store;

    /// <summary>The store's health.</summary>
    public IStoreStatus Status => store;

    /// <inheritdoc />
    public void Dispose() => store.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => store.DisposeAsync();
}
