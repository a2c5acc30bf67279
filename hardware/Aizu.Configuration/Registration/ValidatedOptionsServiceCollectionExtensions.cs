namespace Aizu.Configuration;

/// <summary>The one way a component binds its options and has them checked when the host starts.</summary>
public static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <paramref name="section"/>, validates them at start-up with the
    /// validator <paramref name="validator"/> makes for the section's path, and returns the builder for further
    /// configuration. The path is the section's own (so messages name the key an installer wrote), or
    /// <paramref name="defaultPath"/> when the caller hands a configuration root.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="section">Where the options are read from.</param>
    /// <param name="defaultPath">The path messages name when <paramref name="section"/> is a root.</param>
    /// <param name="validator">Makes the validator for the section's path.</param>
    /// <param name="bind">
    /// Binds the section onto the options, normally <c>(from, options) =&gt; from.Bind(options)</c> written where
    /// <typeparamref name="TOptions"/> is a concrete type: there the configuration binding generator replaces the
    /// reflection-based binder (which Native AOT cannot run) with generated code.
    /// </param>
    public static OptionsBuilder<TOptions> AddValidatedOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        IConfiguration section,
        string defaultPath,
        Func<string, IValidateOptions<TOptions>> validator,
        Action<IConfiguration, TOptions> bind)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(bind);

        var builder = services.AddOptions<TOptions>().Configure(options => bind(section, options)).ValidateOnStart();

        // What Bind(section) registers besides the binding: IOptionsMonitor sees a reloaded file.
        services.AddSingleton<IOptionsChangeTokenSource<TOptions>>(new ConfigurationChangeTokenSource<TOptions>(Options.DefaultName, section));
        var sectionPath = section is IConfigurationSection named ? named.Path : defaultPath;
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator(sectionPath)));
        return builder;
    }

    /// <summary>
    /// What every component's registration starts with: its options, bound and validated as
    /// <see cref="AddValidatedOptions"/> does, then <paramref name="configure"/> (a host's or the demo's overrides) when
    /// given, and the clock every component reads (the system clock unless the host registered another
    /// <see cref="TimeProvider"/> first).
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="section">Where the options are read from.</param>
    /// <param name="defaultPath">The path messages name when <paramref name="section"/> is a root.</param>
    /// <param name="validator">Makes the validator for the section's path.</param>
    /// <param name="bind">Binds the section onto the options (see <see cref="AddValidatedOptions"/>).</param>
    /// <param name="configure">Applied after the binding, before validation; null for none.</param>
    public static OptionsBuilder<TOptions> AddComponentOptions<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        IConfiguration section,
        string defaultPath,
        Func<string, IValidateOptions<TOptions>> validator,
        Action<IConfiguration, TOptions> bind,
        Action<TOptions>? configure = null)
        where TOptions : class
    {
        var builder = services.AddValidatedOptions(section, defaultPath, validator, bind);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
