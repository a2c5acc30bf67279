using Aizu.City.Ingest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Aizu.City.Analysis;

/// <summary>The ingest's PostgreSQL database as the analyst side uses it; the schema is the ingest's (its migrations).</summary>
public sealed class AnalysisDatabase : IAsyncDisposable
{
    private readonly IngestDatabase ingest;

    /// <summary>Opens the pool (no connection yet).</summary>
    public AnalysisDatabase(IOptions<AnalysisOptions> options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        ingest = new IngestDatabase(Options.Create(new IngestOptions { ConnectionString = options.Value.ConnectionString }), loggers.CreateLogger<IngestDatabase>());
    }

    /// <summary>The pool.</summary>
    public NpgsqlDataSource DataSource => ingest.DataSource;

    /// <summary>Applies the ingest's migrations this database has not seen (the analyst tables are among them).</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken) => ingest.MigrateAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ingest.DisposeAsync();
}
