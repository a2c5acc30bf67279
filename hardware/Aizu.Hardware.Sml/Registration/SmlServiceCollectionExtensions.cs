using Aizu.Readings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Sml;

/// <summary>Registers the SML meter driver.</summary>
public static class SmlServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SmlMeterSource"/> as an <see cref="IReadingSource"/>, with options validated at start-up.</summary>
    public static IServiceCollection AddSmlMeter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<SmlOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmlOptions>, SmlOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SmlMeterSource(
            sp.GetRequiredService<IOptions<SmlOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SmlMeterSource>>()));
        services.AddSingleton<IReadingSource>(sp => sp.GetRequiredService<SmlMeterSource>());
        return services;
    }
}
