namespace Aizu.Ingest;

/// <summary>Registers the ingest pipeline.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="IngestOptions"/> from <paramref name="section"/> (normally <c>Aizu:Ingest</c>) and
    /// registers <see cref="ReadingChannel"/>, <see cref="LiveFeed"/>, <see cref="IngestStatistics"/>, and
    /// the hosted <see cref="IngestService"/> and <see cref="SourceSupervisor"/>. Needs the reading store
    /// (<c>AddAizuStorage</c>); drivers are registered as <c>IReadingSource</c> singletons.
    /// </summary>
    public static IServiceCollection AddAizuIngest(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<IngestOptions>(section, IngestOptions.SectionName, path => new IngestOptionsValidator(path), (from, options) => from.Bind(options));
        services.TryAddSingleton<ReadingChannel>();
        services.TryAddSingleton<LiveFeed>();
        services.TryAddSingleton<IngestStatistics>();

        // The host stops services in reverse order: the supervisor (drivers) first, then the ingest
        // service, which stores whatever the drivers wrote last.
        services.AddHostedSingleton<IngestService>();
        services.AddHostedSingleton<SourceSupervisor>();
        return services;
    }
}
