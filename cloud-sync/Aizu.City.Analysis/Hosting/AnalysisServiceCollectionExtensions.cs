namespace Aizu.City.Analysis;

/// <summary>Registers the analyst host.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>Binds and validates <see cref="AnalysisOptions"/> from <paramref name="section"/> and registers the stores,
    /// the cryptographic random source for published tables and the migration at start.</summary>
    public static IServiceCollection AddAizuCityAnalysis(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<AnalysisOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource, CryptographicRandomSource>();
        services.TryAddSingleton<AnalysisDatabase>();
        services.TryAddSingleton<AnalystDirectory>();
        services.TryAddSingleton<PurposeRulesStore>();
        services.TryAddSingleton<WindowReader>();
        services.TryAddSingleton<DistrictCellReader>();
        services.TryAddSingleton<QueryAudit>();
        services.TryAddSingleton<PrivacyLedger>();
        services.TryAddSingleton<AnalystLocks>();
        services.TryAddSingleton<AnalysisPage>();
        services.AddHostedService<AnalysisStartup>();
        return services;
    }
}
