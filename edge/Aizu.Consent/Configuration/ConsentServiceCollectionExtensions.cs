namespace Aizu.Consent;

/// <summary>Registers the consent ledger, service, catalogue and monitor.</summary>
public static class ConsentServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ConsentOptions"/> from <paramref name="section"/> (normally <c>Aizu:Consent</c>),
    /// then applies <paramref name="configure"/> (the host uses it to set
    /// <see cref="ConsentOptions.DatabasePath"/> to the reading store's file), validates them at start-up,
    /// and registers <see cref="ConsentService"/> (also as <see cref="IConsentRegistry"/>),
    /// <see cref="PurposeCatalogueService"/>, <see cref="ConsentLedger"/> and the hosted
    /// <see cref="ConsentMonitor"/>. <see cref="IGatewayKeyProvider"/>, <see cref="IHouseholdPrincipal"/>,
    /// <see cref="TimeProvider"/> and <see cref="RandomNumberGenerator"/> are added only when missing, so
    /// a host or test registers its own first.
    /// </summary>
    public static IServiceCollection AddAizuConsent(this IServiceCollection services, IConfiguration section, Action<ConsentOptions>? configure = null)
    {
        services.AddComponentOptions<ConsentOptions>(section, ConsentOptions.SectionName, path => new ConsentOptionsValidator(path), (from, options) => from.Bind(options), configure);
        services.TryAddSingleton(_ => RandomNumberGenerator.Create());
        services.TryAddSingleton<IGatewayKeyProvider, FileGatewayKeyProvider>();
        services.TryAddSingleton<IHouseholdPrincipal, GatewayKeyPrincipal>();
        services.TryAddSingleton<ConsentLedger>();
        services.TryAddSingleton<PurposeCatalogueStore>();
        services.TryAddSingleton<ConsentService>();
        services.TryAddSingleton<IConsentRegistry>(provider => provider.GetRequiredService<ConsentService>());
        services.TryAddSingleton<PurposeCatalogueService>();
        services.AddHostedSingleton<ConsentMonitor>();
        return services;
    }
}
