namespace Aizu.Household;

/// <summary>Registers the household calendar.</summary>
public static class HouseholdServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="HouseholdOptions"/> from <paramref name="section"/> (normally <c>Aizu:Household</c>)
    /// and registers the one <see cref="HouseholdCalendar"/> (see <see cref="AddHouseholdCalendar"/>).
    /// </summary>
    public static IServiceCollection AddAizuHousehold(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        services.AddOptions<HouseholdOptions>().Bind(section);
        return services.AddHouseholdCalendar();
    }

    /// <summary>
    /// Registers the <see cref="HouseholdCalendar"/> singleton unless one is registered: the zone of
    /// <see cref="HouseholdOptions.TimeZone"/>, else the registered <see cref="TimeProvider"/>'s local zone,
    /// validated when the host starts. Every component that has local days calls this, so each works on
    /// its own; the host calls <see cref="AddAizuHousehold"/> to bind the setting.
    /// </summary>
    public static IServiceCollection AddHouseholdCalendar(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<HouseholdOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HouseholdOptions>>(new HouseholdOptionsValidator()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var zone = provider.GetRequiredService<IOptions<HouseholdOptions>>().Value.TimeZone;
            return HouseholdCalendar.ForZone(zone, provider.GetRequiredService<TimeProvider>().LocalTimeZone);
        });
        return services;
    }
}
