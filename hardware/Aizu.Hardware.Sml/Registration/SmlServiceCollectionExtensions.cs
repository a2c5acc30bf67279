namespace Aizu.Hardware.Sml;

/// <summary>Registers the SML meter driver.</summary>
public static class SmlServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SmlMeterSource"/> as an <see cref="IReadingSource"/>, with options validated at start-up.</summary>
    public static IServiceCollection AddSmlMeter(this IServiceCollection services, IConfiguration section) =>
        services.AddSerialMeter<SmlOptions, SmlOptionsValidator, SmlMeterSource>(section, (from, options) => from.Bind(options), (options, time, logger) => new SmlMeterSource(options, time, logger));
}
