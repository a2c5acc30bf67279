// In the gateway's root namespace so the composition root calls it without another using.
namespace Aizu.Gateway;

/// <summary>
/// Wires what the city sends to the gateway, and the household's answer to an alert, to the components
/// that handle them. The adapters live here so that the alert and consent components never reference
/// the MQTT uplink, and the uplink none of them.
/// </summary>
internal static class CityLinkServiceCollectionExtensions
{
    /// <summary>
    /// Registers, from what <paramref name="configuration"/> has:
    /// <list type="bullet">
    /// <item><c>Aizu:Alerts</c> — the alert component (<see cref="AlertServiceCollectionExtensions.AddAizuAlerts"/>) and the panel's alert API.</item>
    /// <item><c>Aizu:Uplink</c> — the downlink adapters: the purpose catalogue to the consent component, and
    /// (with alerts) the alert and key topics to the alert inbox; and the household's acknowledgements to
    /// the egress side, which sends them only under an active <c>alert.ack</c> consent.</item>
    /// </list>
    /// Subscribing to the city-wide alert topics reveals nothing about the household, so alerts arrive
    /// whether or not the household has granted anything.
    /// </summary>
    public static IServiceCollection AddCityLink(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var alerts = configuration.GetSection(AlertOptions.SectionName);
        var uplink = configuration.GetSection(UplinkOptions.SectionName).Exists();

        if (uplink)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IDownlinkHandler, CatalogueDownlinkHandler>());
        }

        if (!alerts.Exists())
        {
            return services;
        }

        if (uplink)
        {
            // Before AddAizuAlerts, whose default keeps every acknowledgement on the device.
            services.TryAddSingleton<IAlertAcknowledgementSender, EgressAcknowledgementSender>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IDownlinkHandler, AlertDownlinkHandler>());
        }

        services.AddAizuAlerts(alerts);
        return services;
    }
}
