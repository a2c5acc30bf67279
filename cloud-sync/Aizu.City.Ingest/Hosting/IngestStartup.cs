namespace Aizu.City.Ingest;

/// <summary>
/// Brings the database to the current schema and loads the consent registry before the subscriber and
/// the processor start (hosted services start in registration order; this one is registered first).
/// </summary>
public sealed class IngestStartup(IngestDatabase database, ConsentRegistry registry) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await registry.LoadAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
