using Aizu.Household;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aizu.Panel;

/// <summary>Registers the local web panel.</summary>
public static class PanelServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PanelOptions"/> from <paramref name="section"/> (normally <c>Aizu:Panel</c>),
    /// validates them when the host starts and registers what <see cref="PanelEndpoints.MapPanel"/>
    /// needs. The panel reads the reading store and the ingest pipeline, so <c>AddAizuStorage</c> and
    /// <c>AddAizuIngest</c> must be called too.
    /// </summary>
    public static IServiceCollection AddAizuPanel(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        services.AddOptions<PanelOptions>().Bind(section).ValidateOnStart();
        var sectionPath = section is IConfigurationSection named ? named.Path : PanelOptions.SectionName;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PanelOptions>>(
            new PanelOptionsValidator(sectionPath)));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHouseholdCalendar();
        services.TryAddSingleton<PanelClock>();
        services.TryAddSingleton<PanelAssets>();
        PanelAccess.Add(services);
        return services;
    }
}
