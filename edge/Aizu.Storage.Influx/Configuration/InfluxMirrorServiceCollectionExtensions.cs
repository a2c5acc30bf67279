namespace Aizu.Storage.Influx;

/// <summary>Registers the InfluxDB mirror.</summary>
public static class InfluxMirrorServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="InfluxMirrorOptions"/> from <paramref name="section"/> (normally <c>Aizu:InfluxMirror</c>),
    /// validates them when the host starts, and registers <see cref="InfluxMirrorStatus"/> (for the panel)
    /// and the hosted <see cref="InfluxMirrorService"/>. Needs the store (<c>AddAizuStorage</c>); uses the
    /// registered <see cref="TimeProvider"/> (the system clock unless another is registered).
    /// </summary>
    public static IServiceCollection AddAizuInfluxMirror(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<InfluxMirrorOptions>(section, InfluxMirrorOptions.SectionName, path => new InfluxMirrorOptionsValidator(path), (from, options) => from.Bind(options));
        services.TryAddSingleton<InfluxMirrorStatus>();
        services.AddHostedSingleton<InfluxMirrorService>();
        return services;
    }
}
