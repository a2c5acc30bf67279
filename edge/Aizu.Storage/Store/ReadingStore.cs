using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Storage;

/// <summary>
/// The gateway's durable record of readings: one SQLite file in WAL mode with <c>synchronous=FULL</c>,
/// so a batch whose <see cref="AppendAsync"/> returned survives a power cut. One writer connection is
/// kept open; every read opens its own short-lived connection so the panel never waits for a write.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite has no asynchronous I/O: the "async" methods do their SQLite work on the
/// calling thread. Timestamps are stored as Unix milliseconds and come back in UTC.
/// Faults of the environment (full disk, read-only or failing media) surface as
/// <see cref="StoreUnavailableException"/>; the file is left as it was before the failed call, and the
/// store reopens the file on the next call, so it recovers once the fault is cleared.
/// </remarks>
public sealed partial class ReadingStore : IDisposable, IAsyncDisposable
{
    // SQLite's own default for max_page_count; used to lift the test-only cap again.
    private const long UnlimitedPages = 4_294_967_294;

    private readonly string path;
    private readonly string writerConnectionString;
    private readonly string readerConnectionString;
    private readonly ILogger<ReadingStore> logger;

    // Serialises the writer connection and the series cache below; SQLite allows one writer anyway.
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Dictionary<string, SeriesRow> series = new(StringComparer.Ordinal);
    private SqliteConnection? writer;
    private long? pageLimitForTesting;
    private volatile bool schemaReady;
    private volatile bool disposed;

    /// <summary>Opens (creating when missing) the database file and its directory.</summary>
    /// <remarks>
    /// A store that cannot be opened yet (disk full, card missing) does not throw here: the gateway
    /// still starts and shows live data, and every call retries the open.
    /// </remarks>
    public ReadingStore(IOptions<StorageOptions> options, ILogger<ReadingStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var configured = options.Value.DatabasePath;
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new ArgumentException($"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)} is required.", nameof(options));
        }

        path = Path.GetFullPath(configured);
        this.logger = logger;
        writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();

        // Readers must not create an empty database when the file has vanished.
        readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();

        try
        {
            OpenWriter();
        }
        catch (StoreUnavailableException exception)
        {
            logger.StoreUnavailableAtStart(path, exception.Message);
        }
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => path;

    /// <inheritdoc />
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        writeLock.Wait();
        try
        {
            disposed = true;
            CloseWriter();
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        await writeLock.WaitAsync();
        try
        {
            disposed = true;
            CloseWriter();
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>
    /// Caps the file at <paramref name="maxPages"/> pages (null lifts the cap) so tests can make the
    /// "disk" fill up. Survives the reopen that follows a fault. Returns the current page count.
    /// </summary>
    internal long LimitPagesForTesting(long? maxPages)
    {
        writeLock.Wait();
        try
        {
            pageLimitForTesting = maxPages;
            var connection = OpenWriter();
            SetMaxPageCount(connection, maxPages ?? UnlimitedPages);
            return ExecuteScalar<long>(connection, "PRAGMA page_count;");
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Opens the writer when it is not open. Call with <see cref="writeLock"/> held (or from the constructor).</summary>
    private SqliteConnection OpenWriter()
    {
        if (writer is not null)
        {
            return writer;
        }

        try
        {
            var directory = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw SqliteFailures.FromFileSystem(exception, path);
        }

        var connection = new SqliteConnection(writerConnectionString);
        try
        {
            connection.Open();
            var mode = ExecuteScalar<string>(connection, "PRAGMA journal_mode = WAL;");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                logger.NotWal(path, mode);
            }

            // In WAL mode NORMAL may lose the last commits on power loss; FULL syncs the WAL on every
            // commit, which is what "acknowledged" has to mean for a meter's register values.
            ExecuteNonQuery(connection, "PRAGMA synchronous = FULL;");
            if (pageLimitForTesting is { } limit)
            {
                SetMaxPageCount(connection, limit);
            }

            var found = SchemaMigrator.Migrate(connection, path);
            if (found != SchemaMigrator.LatestVersion)
            {
                logger.StoreMigrated(path, found, SchemaMigrator.LatestVersion);
            }

            LoadSeries(connection);
            writer = connection;
            schemaReady = true;
            logger.StoreOpened(path, SchemaMigrator.LatestVersion);
            return connection;
        }
        catch (SqliteException exception) when (SqliteFailures.TryTranslate(exception, path) is { } unavailable)
        {
            connection.Dispose();
            throw unavailable;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Drops the writer after a fault. SQLite has already rolled the failed transaction back; a fresh
    /// connection also picks up a file system that was remounted or a card that was reinserted.
    /// </summary>
    private void CloseWriter()
    {
        writer?.Dispose();
        writer = null;
        series.Clear();
    }

    private static void SetMaxPageCount(SqliteConnection connection, long pages) =>
        ExecuteNonQuery(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages};"));

    private void LoadSeries(SqliteConnection connection)
    {
        series.Clear();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, unit FROM series;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            series[reader.GetString(1)] = new SeriesRow(reader.GetInt64(0), reader.GetString(2));
        }
    }

    private static void ExecuteNonQuery(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static T ExecuteScalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }
}
