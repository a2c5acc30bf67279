namespace Aizu.Panel;

/// <summary>Registers the local web panel.</summary>
public static class PanelServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PanelOptions"/> from <paramref name="section"/> (normally <c>Aizu:Panel</c>),
    /// validates them when the host starts and registers what <see cref="PanelEndpoints.MapPanel"/>
    /// needs. The panel reads the reading store and the ingest pipeline, so <c>AddAizuStorage</c> and
    /// <c>AddAizuIngest</c> must be called too.
    /// </summary>
    public static IServiceCollection AddAizuPanel(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<PanelOptions>(section, PanelOptions.SectionName, path => new PanelOptionsValidator(path), (from, options) => from.Bind(options));

        // Generated serialization first: the Native AOT gateway has no other (in a JIT build reflection stays behind it).
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, PanelJsonContext.Default));
        services.AddHouseholdCalendar();
        services.TryAddSingleton<PanelClock>();
        services.TryAddSingleton<PanelAssets>();
        PanelAccess.Add(services);
        return services;
    }
}
