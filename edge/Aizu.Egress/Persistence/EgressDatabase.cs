namespace Aizu.Egress;

/// <summary>
/// The egress side's way into the gateway's SQLite file, through <see cref="GatewayDatabase"/> (WAL,
/// <c>synchronous=FULL</c>: a committed decision and its outbox row survive a power cut together). One
/// kept connection, used under the database's writer lock; every write is one transaction.
/// </summary>
public sealed class EgressDatabase : IDisposable
{
    private readonly GatewayDatabase database;

    // A pulse to the outbox's waiter: capacity one, extra pulses are redundant.
    private readonly Channel<bool> outboxChanged = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Uses <see cref="EgressOptions.DatabasePath"/>.</summary>
    public EgressDatabase(IOptions<EgressOptions> options, ILogger<EgressDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Value.DatabasePath);
        database = new GatewayDatabase(options.Value.DatabasePath, EgressSchema.Component, logger);
    }

    /// <summary>The absolute path of the file.</summary>
    public string DatabasePath => database.Path;

    /// <summary>Pulsed after every commit that adds or re-schedules outbox rows.</summary>
    internal ChannelReader<bool> OutboxChanged => outboxChanged.Reader;

    /// <inheritdoc />
    public void Dispose() => database.Dispose();

    /// <summary>
    /// The message last handed to the uplink and not yet marked delivered or failed, or null. Set and read under the
    /// writer lock; the outbox budget never drops it, so a send that completes always finds its row to log.
    /// </summary>
    internal string? HandedOut { get; set; }

    internal void PulseOutbox() => outboxChanged.Writer.TryWrite(true);

    /// <summary>Runs <paramref name="work"/> in one immediate transaction and commits it.</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken) =>
        database.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }, cancellationToken);

    /// <summary>Runs <paramref name="query"/> on the kept connection.</summary>
    internal Task<T> ReadAsync<T>(Func<SqliteConnection, T> query, CancellationToken cancellationToken) =>
        database.WriteAsync(query, cancellationToken);
}
