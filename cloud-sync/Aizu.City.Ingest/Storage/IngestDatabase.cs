namespace Aizu.City.Ingest;

/// <summary>
/// The city's PostgreSQL database: one pooled data source, and the schema migrations embedded in this
/// assembly (<c>Storage/Migrations/NNNN_name.sql</c>), applied in order under an advisory lock so that
/// instances starting together migrate once.
/// </summary>
public sealed class IngestDatabase : IAsyncDisposable
{
    // Any fixed number works; it only has to be the same in every instance.
    private const long MigrationLock = 0x4169_7a75_4369_7479;
    private readonly ILogger<IngestDatabase> logger;

    /// <summary>Opens the pool (no connection yet).</summary>
    public IngestDatabase(IOptions<IngestOptions> options, ILogger<IngestDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        DataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
    }

    /// <summary>The pool every store uses.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Applies the migrations this database has not seen; returns how many ran.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
        try
        {
            await Execute(connection, "CREATE TABLE IF NOT EXISTS schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
            var applied = new HashSet<int>();
            await using (var command = new NpgsqlCommand("SELECT version FROM schema_migration", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var ran = 0;
            foreach (var (version, name, sql) in Migrations())
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(sql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_migration (version, name) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = version });
                    record.Parameters.Add(new() { Value = name });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.MigrationApplied(version, name);
                ran++;
            }

            return ran;
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    private static IEnumerable<(int Version, string Name, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource["Migrations.".Length..^".sql".Length];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream);
            yield return (version, name, text.ReadToEnd());
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
