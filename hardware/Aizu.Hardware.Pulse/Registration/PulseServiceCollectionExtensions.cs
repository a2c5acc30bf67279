namespace Aizu.Hardware.Pulse;

/// <summary>Registers the S0 pulse counter.</summary>
public static class PulseServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PulseMeterSource"/> as an <see cref="IReadingSource"/>, with options validated at start-up. The
    /// GPIO driver is libgpiod on the configured chip unless a <see cref="Func{GpioDriver}"/> is registered first (demo
    /// mode registers the simulated S0 output that way).
    /// </summary>
    public static IServiceCollection AddPulseMeter(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<PulseMeterOptions>(section, PulseMeterOptions.SectionName, _ => new PulseMeterOptionsValidator(), (from, options) => from.Bind(options));
        services.TryAddSingleton<Func<GpioDriver>>(sp =>
        {
            int chip = sp.GetRequiredService<IOptions<PulseMeterOptions>>().Value.GpioChip;
            return () => new LibGpiodDriver(chip);
        });
        services.TryAddSingleton<IPulseCountStore>(sp => new JsonFilePulseCountStore(
            sp.GetRequiredService<IOptions<PulseMeterOptions>>().Value.CountFilePath,
            sp.GetRequiredService<ILogger<JsonFilePulseCountStore>>()));
        services.TryAddSingleton(sp => new PulseMeterSource(
            sp.GetRequiredService<IOptions<PulseMeterOptions>>(),
            sp.GetRequiredService<Func<GpioDriver>>(),
            sp.GetRequiredService<IPulseCountStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PulseMeterSource>>()));
        services.AddSingleton<IReadingSource>(sp => sp.GetRequiredService<PulseMeterSource>());
        return services;
    }
}
