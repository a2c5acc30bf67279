using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Egress;

/// <summary>
/// The egress side's connection to the gateway's SQLite file (WAL, <c>synchronous=FULL</c>: a committed
/// decision and its outbox row survive a power cut together). One connection, used under a lock;
/// every write is one transaction.
/// </summary>
public sealed class EgressDatabase : IDisposable
{
    private readonly string path;
    private readonly ILogger<EgressDatabase> logger;
    private readonly SemaphoreSlim gate = new(1, 1);

    // A pulse to the outbox's waiter: capacity one, extra pulses are redundant.
    private readonly Channel<bool> outboxChanged = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private SqliteConnection? connection;
    private bool disposed;

    /// <summary>Uses <see cref="EgressOptions.DatabasePath"/>.</summary>
    public EgressDatabase(IOptions<EgressOptions> options, ILogger<EgressDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Value.DatabasePath);
        path = Path.GetFullPath(options.Value.DatabasePath);
        this.logger = logger;
    }

    /// <summary>The absolute path of the file.</summary>
    public string DatabasePath => path;

    /// <summary>Pulsed after every commit that adds or re-schedules outbox rows.</summary>
    internal ChannelReader<bool> OutboxChanged => outboxChanged.Reader;

    /// <inheritdoc />
    public void Dispose()
    {
        gate.Wait();
        try
        {
            disposed = true;
            connection?.Dispose();
            connection = null;
        }
        finally
        {
            gate.Release();
        }
    }

    internal void PulseOutbox() => outboxChanged.Writer.TryWrite(true);

    /// <summary>Runs <paramref name="work"/> in one immediate transaction and commits it.</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var open = Open();
            using var transaction = open.BeginTransaction(deferred: false);
            var result = work(open, transaction);
            transaction.Commit();
            return result;
        }
        catch (SqliteException)
        {
            // A failed connection may hold a broken state; the next call opens a fresh one.
            connection?.Dispose();
            connection = null;
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Runs <paramref name="query"/> on the connection.</summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteConnection, T> query, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return query(Open());
        }
        finally
        {
            gate.Release();
        }
    }

    private SqliteConnection Open()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (connection is not null)
        {
            return connection;
        }

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var fresh = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        try
        {
            fresh.Open();
            Execute(fresh, "PRAGMA journal_mode = WAL;");
            // The reading store writes the same file: wait for its transaction rather than fail.
            Execute(fresh, "PRAGMA busy_timeout = 10000;");
            // FULL: an outbox row whose commit returned is on disk, so it is sent after a power cut.
            Execute(fresh, "PRAGMA synchronous = FULL;");
            var found = EgressSchema.Migrate(fresh, path);
            if (found != EgressSchema.LatestVersion)
            {
                logger.EgressSchemaMigrated(path, found, EgressSchema.LatestVersion);
            }

            connection = fresh;
            return fresh;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
