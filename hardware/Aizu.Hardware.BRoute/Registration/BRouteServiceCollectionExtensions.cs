namespace Aizu.Hardware.BRoute;

/// <summary>Registers the B-route meter driver.</summary>
public static class BRouteServiceCollectionExtensions
{
    /// <summary>Adds <see cref="BRouteDriver"/> as an <see cref="IReadingSource"/>, with options validated at start-up.</summary>
    public static IServiceCollection AddBRouteMeter(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<BRouteOptions>(section, BRouteOptions.SectionName, _ => new BRouteOptionsValidator(), (from, options) => from.Bind(options));
        services.TryAddSingleton<IPanStore>(sp => new JsonFilePanStore(
            sp.GetRequiredService<IOptions<BRouteOptions>>().Value.PanCachePath,
            sp.GetRequiredService<ILogger<JsonFilePanStore>>()));
        services.AddSingleton<IReadingSource>(sp => new BRouteDriver(
            sp.GetRequiredService<IOptions<BRouteOptions>>(),
            sp.GetRequiredService<IPanStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BRouteDriver>>()));
        return services;
    }
}
