namespace Aizu.Hardware.Sensors;

/// <summary>Registers the indoor sensor source.</summary>
public static class IndoorSensorServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IndoorSensorSource"/> as an <see cref="IReadingSource"/>, with options bound from
    /// <paramref name="section"/> and validated at start-up. <paramref name="configure"/> may replace
    /// <see cref="IndoorSensorOptions.OpenI2cDevice"/> or <see cref="IndoorSensorOptions.W1DevicesPath"/>
    /// (the demo points them at simulated chips).
    /// </summary>
    public static IServiceCollection AddIndoorSensors(this IServiceCollection services, IConfiguration section, Action<IndoorSensorOptions>? configure = null)
    {
        services.AddComponentOptions<IndoorSensorOptions>(section, IndoorSensorOptions.SectionName, _ => new IndoorSensorOptionsValidator(), (from, options) => from.Bind(options), configure);
        services.AddSingleton<IReadingSource>(sp => new IndoorSensorSource(
            sp.GetRequiredService<IOptions<IndoorSensorOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IndoorSensorSource>>()));
        return services;
    }
}
