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

    /// <summary>Counts the summaries' local days in <paramref name="utcOffset"/>: when the database counted them in
    /// another offset, it is set and the summaries are computed again from the windows (in one transaction).</summary>
    public async Task<bool> AlignCalendarAsync(TimeSpan utcOffset, CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var set = new NpgsqlCommand("UPDATE analysis_calendar SET utc_offset = $1 WHERE utc_offset <> $1", connection, transaction))
        {
            set.Parameters.Add(new() { Value = utcOffset, NpgsqlDbType = NpgsqlDbType.Interval });
            if (await set.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await using (var rebuild = new NpgsqlCommand("SELECT analysis_summary_rebuild()", connection, transaction))
        {
            // A large city's windows take longer than Npgsql's default 30 s.
            rebuild.CommandTimeout = 0;
            await rebuild.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ingest.DisposeAsync();
}
