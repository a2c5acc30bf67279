namespace Aizu.Hardware.Display;

/// <summary>Registers the on-device screen.</summary>
public static class DeviceDisplayServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DeviceDisplay"/> as a hosted service, with options bound from <paramref name="section"/>
    /// and validated at start-up, and a <see cref="DisplayState"/> (also as <see cref="IDisplayState"/>)
    /// for the host to feed unless it registered its own <see cref="IDisplayState"/>.
    /// </summary>
    public static IServiceCollection AddDeviceDisplay(this IServiceCollection services, IConfiguration section, Action<DeviceDisplayOptions>? configure = null)
    {
        services.AddComponentOptions<DeviceDisplayOptions>(section, DeviceDisplayOptions.SectionName, _ => new DeviceDisplayOptionsValidator(), (from, options) => from.Bind(options), configure);
        services.TryAddSingleton<DisplayState>();
        services.TryAddSingleton<IDisplayState>(sp => sp.GetRequiredService<DisplayState>());
        services.AddHostedSingleton(sp => new DeviceDisplay(
            sp.GetRequiredService<IOptions<DeviceDisplayOptions>>(),
            sp.GetRequiredService<IDisplayState>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DeviceDisplay>>()));
        return services;
    }
}
