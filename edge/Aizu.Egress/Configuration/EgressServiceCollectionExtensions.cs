namespace Aizu.Egress;

/// <summary>Registers the egress side.</summary>
public static class EgressServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EgressOptions"/> from <paramref name="section"/> (normally <c>Aizu:Egress</c>),
    /// validates them at start-up, and registers the egress policy, the outbox (as <see cref="IOutbox"/>),
    /// the egress log and the hosted <see cref="EgressService"/>. Needs an <c>IConsentRegistry</c>
    /// (the consent service) and the store's <c>IReadingQueries</c>. The secret and outbox key providers and the
    /// <see cref="RandomNumberGenerator"/> (message ids, noise) are only added when none is registered,
    /// so a host or test can supply its own.
    /// </summary>
    public static IServiceCollection AddAizuEgress(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<EgressOptions>(section, EgressOptions.SectionName, path => new EgressOptionsValidator(path), (from, options) => from.Bind(options));
        services.TryAddSingleton(_ => RandomNumberGenerator.Create());
        services.TryAddSingleton<IGatewaySecretProvider, FileGatewaySecretProvider>();
        services.TryAddSingleton<IOutboxKeyProvider, FileOutboxKeyProvider>();
        services.TryAddSingleton<OutboxSeal>();
        services.TryAddSingleton<EgressIntegrity>();
        services.AddHouseholdCalendar();
        services.TryAddSingleton<WindowCutter>();
        services.TryAddSingleton<HouseholdPseudonyms>();
        services.TryAddSingleton<DataSets>();
        services.TryAddSingleton<ValueMinimiser>();
        services.TryAddSingleton<ConsentGate>();
        services.TryAddSingleton<EgressPolicy>();
        services.TryAddSingleton<EgressDatabase>();
        services.TryAddSingleton<OutboxBudget>();
        services.TryAddSingleton<EgressJournal>();
        services.TryAddSingleton<SqliteOutbox>();
        services.TryAddSingleton<IOutbox>(provider => provider.GetRequiredService<SqliteOutbox>());
        services.TryAddSingleton<EgressLog>();
        services.TryAddSingleton<EgressHistory>();
        services.TryAddSingleton<WindowAggregator>();
        services.TryAddSingleton<ConsentStateKeeper>();
        services.TryAddSingleton<AcknowledgementEgress>();
        services.TryAddSingleton<EgressStatus>();
        services.TryAddSingleton<DeletionConfirmations>();
        services.TryAddSingleton<DeletionConfirmationReceiver>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDownlinkSubscription, DeletionConfirmationReceiver>(provider => provider.GetRequiredService<DeletionConfirmationReceiver>()));
        services.AddHostedSingleton<EgressService>();
        return services;
    }
}
