namespace Aizu.Tariffs;

/// <summary>Registers the tariff and cost engine.</summary>
public static class TariffServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TariffOptions"/> from <paramref name="section"/> (normally <c>Aizu:Tariff</c>),
    /// validates them when the host starts and registers <see cref="Tariff"/>, <see cref="TariffCalculator"/>
    /// and <see cref="DayForecaster"/> as singletons (with the registered <see cref="TimeProvider"/>, the system
    /// clock unless another is registered, and the <see cref="HouseholdCalendar"/>). Call it only when the
    /// section exists: a household without a tariff sees energy but no cost.
    /// </summary>
    public static IServiceCollection AddAizuTariffs(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<TariffOptions>(section, TariffOptions.SectionName, path => new TariffOptionsValidator(path), (from, options) => from.Bind(options));
        services.AddHouseholdCalendar();
        services.TryAddSingleton(provider => Tariff.FromOptions(
            provider.GetRequiredService<IOptions<TariffOptions>>().Value,
            provider.GetRequiredService<HouseholdCalendar>()));
        services.TryAddSingleton<TariffCalculator>();
        services.TryAddSingleton<DayForecaster>();
        return services;
    }
}
