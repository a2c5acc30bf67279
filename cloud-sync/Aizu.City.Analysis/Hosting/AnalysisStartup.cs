using Microsoft.Extensions.Hosting;

namespace Aizu.City.Analysis;

/// <summary>Applies the schema migrations before the first request.</summary>
internal sealed class AnalysisStartup(AnalysisDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
