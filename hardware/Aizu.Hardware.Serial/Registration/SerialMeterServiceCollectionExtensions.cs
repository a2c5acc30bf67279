namespace Aizu.Hardware.Serial.Registration;

/// <summary>Registers a serial meter driver the way every meter is registered.</summary>
public static class SerialMeterServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/>, validated at start-up by
    /// <typeparamref name="TValidator"/>, and adds the driver <paramref name="create"/> makes as an
    /// <see cref="IReadingSource"/> (and as itself, so its statistics can be read).
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="section">The meter's section.</param>
    /// <param name="bind">Binds the section onto the options, written where <typeparamref name="TOptions"/> is concrete (see <c>AddValidatedOptions</c>).</param>
    /// <param name="create">Makes the driver.</param>
    public static IServiceCollection AddSerialMeter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions, TValidator, TSource>(
        this IServiceCollection services,
        IConfiguration section,
        Action<IConfiguration, TOptions> bind,
        Func<IOptions<TOptions>, TimeProvider, ILogger<TSource>, TSource> create)
        where TOptions : SerialMeterOptions
        where TValidator : class, IValidateOptions<TOptions>, new()
        where TSource : class, IReadingSource
    {
        ArgumentNullException.ThrowIfNull(create);
        services.AddComponentOptions<TOptions>(section, string.Empty, _ => new TValidator(), bind);
        services.TryAddSingleton(sp => create(
            sp.GetRequiredService<IOptions<TOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TSource>>()));
        services.AddSingleton<IReadingSource>(sp => sp.GetRequiredService<TSource>());
        return services;
    }
}
