namespace Aizu.Uplink;

/// <summary>Registers the MQTT uplink.</summary>
public static class UplinkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="UplinkOptions"/> from <paramref name="section"/> (normally <c>Aizu:Uplink</c>),
    /// validates them at start-up and registers the hosted <see cref="UplinkService"/>, its
    /// <see cref="UplinkState"/> and the downlink dispatcher. Needs an <c>IOutbox</c> (the egress side);
    /// <see cref="IDownlinkHandler"/>s registered by other components receive the downlink topics.
    /// </summary>
    public static IServiceCollection AddAizuUplink(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<UplinkOptions>(section, UplinkOptions.SectionName, path => new UplinkOptionsValidator(path), (from, options) => from.Bind(options));
        services.TryAddSingleton(Random.Shared);
        services.TryAddSingleton<UplinkState>();
        services.TryAddSingleton<DownlinkDispatcher>();
        services.AddHostedSingleton<UplinkService>();
        return services;
    }
}
