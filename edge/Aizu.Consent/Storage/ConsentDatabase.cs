namespace Aizu.Consent;

/// <summary>
/// The consent tables' way into the gateway's shared file, through <see cref="GatewayDatabase"/> (WAL,
/// <c>synchronous=FULL</c>: a recorded decision survives a power cut). Each operation uses its own
/// short-lived connection, because decisions are rare and the <c>aizu consent</c> command writes to the
/// same file from another process.
/// </summary>
[SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable",
    Justification = "Consent never opens the database's kept writer: every connection it opens is disposed by its user, so there is nothing to release.")]
internal sealed class ConsentDatabase
{
    private readonly GatewayDatabase database;

    public ConsentDatabase(string path, ILogger logger)
    {
        database = new GatewayDatabase(path, ConsentSchema.Component, logger);
    }

    public string Path => database.Path;

    /// <summary>Opens a connection with the pragmas set and the consent schema in place.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);

        // The receipts reference their events; only the consent tables declare foreign keys.
        GatewayDatabase.Execute(connection, "PRAGMA foreign_keys = ON;");
        return connection;
    }
}
