namespace Aizu.Hardware.Dsmr;

/// <summary>Registers the DSMR P1 meter driver.</summary>
public static class DsmrServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DsmrMeterSource"/> as an <see cref="IReadingSource"/>, with options validated at start-up.</summary>
    public static IServiceCollection AddDsmrMeter(this IServiceCollection services, IConfiguration section) =>
        services.AddSerialMeter<DsmrOptions, DsmrOptionsValidator, DsmrMeterSource>(section, (from, options) => from.Bind(options), (options, time, logger) => new DsmrMeterSource(options, time, logger));
}
