namespace Aizu.Storage;

/// <summary>
/// The gateway's one SQLite file as each of its components (reading store, consent, egress) opens it:
/// the connection settings and pragmas, the lock that serialises a component's kept writer, the mapping
/// of environmental faults to <see cref="StoreUnavailableException"/>, and the one migration scheme
/// (<see cref="SchemaComponent"/> rows in <c>schema_migrations</c>).
/// </summary>
/// <remarks>
/// Every connection is in WAL mode (readers never wait for a write) with <c>synchronous=FULL</c> unless
/// the component asked for <see cref="StorageDurability.Normal"/>, and waits for another writer of the
/// same file (another component, an <c>aizu</c> command) rather than failing at once. After a fault the
/// kept writer is dropped (SQLite has rolled the failed transaction back) and reopened on the next call,
/// which also picks up a remounted file system or a reinserted card.
/// </remarks>
public sealed class GatewayDatabase : IDisposable
{
    // SQLite's own default for max_page_count; used to lift the test-only cap again.
    private const long UnlimitedPages = 4_294_967_294;

    /// <summary>
    /// The page size of a file this gateway creates. A commit writes every page it changes whole into the WAL, and a
    /// minute's commit changes a few pages (the open rows' tail, page 1, a rollup tail now and then) by a few hundred
    /// bytes each: 1 KiB pages instead of SQLite's 4 KiB cut the gateway's card writes by a fifth (docs/performance.md).
    /// A file created with another page size keeps it (changing it means rewriting the whole file).
    /// </summary>
    internal const int NewFilePageSize = 1024;

    // Checkpoints copy each page changed since the last one home once, so rarer ones copy fewer pages per commit;
    // this many bytes of WAL (4 MiB, SQLite's default at 4 KiB pages) is the cap, whatever the file's page size.
    private const long CheckpointWalBytes = 4L * 1024 * 1024;

    private readonly string writerConnectionString;
    private readonly string readerConnectionString;
    private readonly StorageDurability durability;
    private readonly bool reportsUnavailable;
    private readonly ILogger logger;
    private readonly Action<SqliteConnection>? opened;
    private readonly Action? closed;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Lock schemaGate = new();
    private SqliteConnection? writer;
    private long? pageLimitForTesting;
    private volatile bool schemaReady;
    private volatile bool disposed;

    /// <summary>Opens nothing yet: connections are made on first use.</summary>
    /// <param name="path">The file; a relative path resolves against the working directory.</param>
    /// <param name="schema">The tables of the component that uses this instance, migrated before its first use.</param>
    /// <param name="logger">Where opening and migrating are reported.</param>
    /// <param name="settings">Durability, fault reporting and the owner's writer hooks; defaults when null.</param>
    public GatewayDatabase(string path, SchemaComponent schema, ILogger logger, GatewayDatabaseSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(logger);
        settings ??= new GatewayDatabaseSettings();
        Path = System.IO.Path.GetFullPath(path);
        Schema = schema;
        this.logger = logger;
        durability = settings.Durability;
        reportsUnavailable = settings.ReportsUnavailable;
        opened = settings.WriterOpened;
        closed = settings.WriterClosed;
        writerConnectionString = ConnectionString(SqliteOpenMode.ReadWriteCreate, pooling: false);

        // Readers must not create an empty database when the file has vanished. They are pooled:
        // opening a connection (file, WAL index, schema) costs more than a panel query on rollups.
        readerConnectionString = ConnectionString(SqliteOpenMode.ReadWrite, pooling: true);
    }

    /// <summary>The absolute path of the file.</summary>
    public string Path { get; }

    /// <summary>The component whose tables this instance migrates.</summary>
    public SchemaComponent Schema { get; }

    /// <summary>
    /// Opens the kept writer now; a file that cannot be opened yet is reported and retried by the next
    /// call, so the gateway still starts (and shows live data) with a full disk or a missing card.
    /// </summary>
    public void TryOpenWriter()
    {
        writeLock.Wait();
        try
        {
            OpenWriter();
        }
        catch (StoreUnavailableException exception)
        {
            logger.StoreUnavailableAtStart(Path, exception.Message);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the kept writer connection, alone (one writer lock per component).
    /// A fault drops the writer (and the owner's state tied to it); with
    /// <see cref="GatewayDatabaseSettings.ReportsUnavailable"/> a fault of the environment surfaces as
    /// <see cref="StoreUnavailableException"/>, other exceptions pass unchanged.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(disposed, this);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            return Write(work);
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="query"/> on a fresh read connection inside one read transaction, so every
    /// statement sees the same snapshot while writes go on. Faults are reported as by <see cref="WriteAsync{T}"/>.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, SqliteTransaction, T> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!schemaReady)
        {
            // The file was not openable at start-up: try again, and create the schema if that works.
            await WriteAsync(_ => 0, cancellationToken);
        }

        try
        {
            using var connection = new SqliteConnection(readerConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction(deferred: true);
            return query(connection, transaction);
        }
        catch (SqliteException exception) when (Translate(exception) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>
    /// A new connection of the caller's own, with the pragmas set and the component's tables in place:
    /// for a component whose every operation opens its own (consent, which an <c>aizu</c> command in
    /// another process writes too). The caller disposes it.
    /// </summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        CreateDirectory();
        var connection = new SqliteConnection(writerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            SetPragmas(connection);
            lock (schemaGate)
            {
                if (!schemaReady)
                {
                    Migrate(connection);
                    schemaReady = true;
                }
            }

            return connection;
        }
        catch (SqliteException exception) when (Translate(exception) is { } unavailable)
        {
            await connection.DisposeAsync();
            throw unavailable;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A new read-only connection to <paramref name="path"/> that neither creates the file nor migrates it:
    /// for reading the file of a gateway that is running (or was never started), as <c>aizu egress log</c>
    /// does. The caller disposes it.
    /// </summary>
    /// <exception cref="SqliteException">The file does not exist or cannot be read.</exception>
    public static SqliteConnection OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = System.IO.Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Drops the kept writer and the owner's state tied to it; the next call reopens. Call from inside
    /// <see cref="WriteAsync{T}"/> (the lock is held) when the state in memory may no longer match the file.
    /// </summary>
    public void DropWriter()
    {
        closed?.Invoke();
        writer?.Dispose();
        writer = null;

        // Pooled readers may hold a file that was replaced or a card that was pulled: start afresh too.
        using var reader = new SqliteConnection(readerConnectionString);
        SqliteConnection.ClearPool(reader);
    }

    /// <summary>The fault of the environment <paramref name="exception"/> stands for, or null (a bug, or this component reports raw exceptions).</summary>
    public StoreUnavailableException? Translate(SqliteException exception) =>
        reportsUnavailable ? SqliteFailures.TryTranslate(exception, Path) : null;

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
            if (!disposed)
            {
                disposed = true;
                DropWriter();
            }
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Runs one statement that returns nothing.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs one statement and converts its first value.</summary>
    public static T Scalar<T>(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
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
            return Scalar<long>(connection, "PRAGMA page_count;");
        }
        finally
        {
            writeLock.Release();
        }
    }

    private T Write<T>(Func<SqliteConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = OpenWriter();
        try
        {
            return work(connection);
        }
        catch (SqliteException exception)
        {
            DropWriter();
            if (Translate(exception) is { } unavailable)
            {
                throw unavailable;
            }

            throw;
        }
        catch (Exception exception) when (exception is not (ArgumentException or OperationCanceledException or StoreUnavailableException))
        {
            // The owner's state in memory may hold part of the rolled-back work: reload it from the file.
            DropWriter();
            throw;
        }
    }

    /// <summary>Opens, sets up and migrates the kept writer when it is not open. Call with <see cref="writeLock"/> held.</summary>
    private SqliteConnection OpenWriter()
    {
        if (writer is not null)
        {
            return writer;
        }

        CreateDirectory();
        var connection = new SqliteConnection(writerConnectionString);
        try
        {
            connection.Open();
            SetPragmas(connection);
            if (pageLimitForTesting is { } limit)
            {
                SetMaxPageCount(connection, limit);
            }

            Migrate(connection);
            opened?.Invoke(connection);
            writer = connection;
            schemaReady = true;
            return connection;
        }
        catch (SqliteException exception) when (Translate(exception) is { } unavailable)
        {
            closed?.Invoke();
            connection.Dispose();
            throw unavailable;
        }
        catch
        {
            closed?.Invoke();
            connection.Dispose();
            throw;
        }
    }

    private void SetPragmas(SqliteConnection connection)
    {
        // Takes effect only while the file is still empty (before the WAL switch below writes its header); a no-op after.
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {NewFilePageSize};"));

        // journal_mode is a property of the file; setting it again is a no-op.
        var mode = Scalar<string>(connection, "PRAGMA journal_mode = WAL;");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            logger.NotWal(Path, mode);
        }

        var pageSize = Scalar<long>(connection, "PRAGMA page_size;");
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA wal_autocheckpoint = {CheckpointWalBytes / pageSize};"));

        // Another component or an `aizu` command may be writing the same file: wait for it rather than fail.
        Execute(connection, "PRAGMA busy_timeout = 10000;");

        // In WAL mode NORMAL may lose the last commits on power loss; FULL syncs the WAL on every commit,
        // which is what "acknowledged" has to mean for a meter's register values or a consent decision.
        Execute(connection, durability == StorageDurability.Normal
            ? "PRAGMA synchronous = NORMAL;"
            : "PRAGMA synchronous = FULL;");
    }

    private void Migrate(SqliteConnection connection)
    {
        var found = SchemaMigrations.Migrate(connection, Schema, Refuse);
        if (found != Schema.LatestVersion)
        {
            logger.SchemaMigrated(Schema.Name, Path, found, Schema.LatestVersion);
        }

        logger.SchemaReady(Schema.Name, Path, Schema.LatestVersion);
    }

    private Exception Refuse(int found)
    {
        var message = $"The {Schema.Name} tables in {Path} have schema version {found}, newer than this gateway understands ({Schema.LatestVersion}); update the gateway or move the file aside.";
        return reportsUnavailable
            ? new StoreUnavailableException(StoreUnavailableReason.NewerSchema, Path, message)
            : new InvalidOperationException(message);
    }

    private void CreateDirectory()
    {
        try
        {
            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception exception) when (reportsUnavailable && exception is IOException or UnauthorizedAccessException)
        {
            throw SqliteFailures.FromFileSystem(exception, Path);
        }
    }

    private string ConnectionString(SqliteOpenMode mode, bool pooling) => new SqliteConnectionStringBuilder
    {
        DataSource = Path,
        Mode = mode,
        Pooling = pooling,
    }.ToString();

    private static void SetMaxPageCount(SqliteConnection connection, long pages) =>
        Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages};"));
}
