namespace Aizu.Configuration;

/// <summary>The one way a component registers a background service that others may also ask for.</summary>
public static class HostedSingletonServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TService"/> as a singleton (unless one is registered) and runs that same instance as
    /// a hosted service, once however often this is called. The host starts hosted services in the order they were
    /// registered and stops them in reverse.
    /// </summary>
    public static IServiceCollection AddHostedSingleton<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>(this IServiceCollection services)
        where TService : class, IHostedService
    {
        services.TryAddSingleton<TService>();
        return services.RunAsHosted<TService>();
    }

    /// <summary>As <see cref="AddHostedSingleton{TService}(IServiceCollection)"/>, the singleton made by <paramref name="create"/>.</summary>
    public static IServiceCollection AddHostedSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService> create)
        where TService : class, IHostedService
    {
        services.TryAddSingleton(create);
        return services.RunAsHosted<TService>();
    }

    private static IServiceCollection RunAsHosted<TService>(this IServiceCollection services)
        where TService : class, IHostedService
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TService>(provider => provider.GetRequiredService<TService>()));
        return services;
    }
}
