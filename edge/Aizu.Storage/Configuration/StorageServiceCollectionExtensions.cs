namespace Aizu.Storage;

/// <summary>Registers the reading store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from <paramref name="section"/> (normally <c>Aizu:Storage</c>),
    /// validates them when the host starts and registers one store, handed out by role
    /// (<see cref="IReadingWriter"/>, <see cref="IReadingQueries"/>, <see cref="IReadingFeed"/>,
    /// <see cref="IReadingEraser"/>, <see cref="IStoreStatus"/>), and <see cref="ReadingExporter"/>, as singletons. The store uses the registered <see cref="TimeProvider"/>
    /// and <see cref="IFreeSpaceProbe"/> (the system clock and <see cref="DriveFreeSpaceProbe"/> unless others are registered),
    /// and the <see cref="HouseholdCalendar"/> for the day rollups.
    /// </summary>
    public static IServiceCollection AddAizuStorage(this IServiceCollection services, IConfiguration section)
    {
        services.AddComponentOptions<StorageOptions>(section, StorageOptions.SectionName, path => new StorageOptionsValidator(path), (from, options) => from.Bind(options));
        services.TryAddSingleton<IFreeSpaceProbe, DriveFreeSpaceProbe>();
        services.AddHouseholdCalendar();
        services.TryAddSingleton<ReadingStore>();

        // One store, handed out by role: each user gets only what it may do.
        services.TryAddSingleton<IReadingWriter>(provider => provider.GetRequiredService<ReadingStore>());
        services.TryAddSingleton<IReadingQueries>(provider => provider.GetRequiredService<ReadingStore>());
        services.TryAddSingleton<IReadingFeed>(provider => provider.GetRequiredService<ReadingStore>());
        services.TryAddSingleton<IReadingEraser>(provider => provider.GetRequiredService<ReadingStore>());
        services.TryAddSingleton<IStoreStatus>(provider => provider.GetRequiredService<ReadingStore>());
        services.TryAddSingleton<ReadingExporter>();
        return services;
    }
}
