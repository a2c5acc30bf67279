namespace Aizu.Alerts;

/// <summary>Registers the alert component.</summary>
public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AlertOptions"/> from <paramref name="section"/> (normally <c>Aizu:Alerts</c>), validates
    /// them at start-up and registers <see cref="AlertInbox"/> (hand it the payloads of
    /// <see cref="WireTopics.CityAlerts"/> and <see cref="WireTopics.AlertKeys"/>), <see cref="AlertBoard"/> (the panel
    /// reads it), <see cref="CityKeyRing"/>, <see cref="AlertStatistics"/> and <see cref="AlertAcknowledger"/> (the panel's
    /// "I'm safe"; it keeps acknowledgements on the device unless the host registers an
    /// <see cref="IAlertAcknowledgementSender"/> first that forwards them under consent).
    /// </summary>
    public static IServiceCollection AddAizuAlerts(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<AlertOptions>(section, AlertOptions.SectionName, path => new AlertOptionsValidator(path), (from, options) => from.Bind(options));
        services.AddHouseholdCalendar();
        services.TryAddSingleton<IKeyRingStore>(provider => new FileKeyRingStore(provider.GetRequiredService<IOptions<AlertOptions>>().Value.KeyStateFile));
        services.TryAddSingleton<CityKeyRing>();
        services.TryAddSingleton<AlertStatistics>();
        services.TryAddSingleton<AlertBoard>();
        services.TryAddSingleton<AlertInbox>();
        services.TryAddSingleton<IAlertAcknowledgementSender, LocalOnlyAcknowledgementSender>();
        services.TryAddSingleton<AlertAcknowledger>();
        return services;
    }
}
