using Aizu.Readings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aizu.Hardware.Dsmr;

/// <summary>Registers the DSMR P1 meter driver.</summary>
public static class DsmrServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DsmrMeterSource"/> as an <see cref="IReadingSource"/>, with options validated at start-up.</summary>
    public static IServiceCollection AddDsmrMeter(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<DsmrOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DsmrOptions>, DsmrOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new DsmrMeterSource(
            sp.GetRequiredService<IOptions<DsmrOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DsmrMeterSource>>()));
        services.AddSingleton<IReadingSource>(sp => sp.GetRequiredService<DsmrMeterSource>());
        return services;
    }
}
