namespace Aizu.City.Ingest;

/// <summary>Registers the city ingest.</summary>
public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="IngestOptions"/> from <paramref name="section"/> (normally <c>Aizu:City:Ingest</c>),
    /// validates them at start-up and registers the store, the registry, the processor, the subscriber
    /// and the retention job as hosted services (migrations first).
    /// </summary>
    public static IServiceCollection AddAizuCityIngest(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        services.AddOptions<IngestOptions>().Bind(section).ValidateOnStart();
        var sectionPath = section is IConfigurationSection named ? named.Path : IngestOptions.SectionName;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>>(new IngestOptionsValidator(sectionPath)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IngestDatabase>();
        services.TryAddSingleton<ConsentRegistry>();
        services.TryAddSingleton<AggregateStore>();
        services.TryAddSingleton<AlertAckStore>();
        services.TryAddSingleton(provider => new DeletionConfirmationSigner(
            P256Keys.ImportPrivatePem(File.ReadAllText(provider.GetRequiredService<IOptions<IngestOptions>>().Value.ConfirmationKeyPath))));
        services.TryAddSingleton<DeletionService>();
        services.TryAddSingleton<EnergyWindowValidator>();
        services.TryAddSingleton<IngestMetrics>();
        services.TryAddSingleton<IngestInbox>();
        services.TryAddSingleton<ConfirmationSignal>();
        services.TryAddSingleton<IngestProcessor>();
        services.TryAddSingleton<IngestSubscriber>();
        services.TryAddSingleton<RetentionJob>();

        // Order matters: the schema and the registry are ready before a message is taken.
        services.AddHostedService<IngestStartup>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<IngestProcessor>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<IngestSubscriber>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<RetentionJob>());
        return services;
    }
}
