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
        // The store is resolved (opened, migrated) by the service's first use, not when the host builds its services,
        // so the drivers below start while the file opens.
        services.AddHostedSingleton(provider => new IngestService(
            provider.GetRequiredService<ReadingChannel>(),
            new Lazy<IReadingWriter>(provider.GetRequiredService<IReadingWriter>),
            provider.GetRequiredService<LiveFeed>(),
            provider.GetRequiredService<IngestStatistics>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<IngestService>>()));
        services.AddHostedSingleton<SourceSupervisor>();
        return services;
    }
}
