namespace Aizu.City.Analysis;

/// <summary>Applies the schema migrations and sets the summaries' calendar to the configured offset before the first request.</summary>
internal sealed class AnalysisStartup(AnalysisDatabase database, IOptions<AnalysisOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        await database.AlignCalendarAsync(options.Value.UtcOffset, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
