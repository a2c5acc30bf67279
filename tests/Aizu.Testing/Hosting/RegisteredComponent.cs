namespace Aizu.Testing;

/// <summary>
/// A component registered as the gateway registers it: its <c>Add…</c> extension over one configuration section read
/// from in-memory settings, with logging. What a registration test checks: what was registered, what was bound, and
/// that bad settings are refused naming their key, whether on resolving the options or at the host's start-up.
/// </summary>
public sealed class RegisteredComponent : IDisposable
{
    private RegisteredComponent(IServiceCollection services)
    {
        Services = services;
        Provider = services.BuildServiceProvider();
    }

    /// <summary>What the component registered.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The container built from <see cref="Services"/>.</summary>
    public ServiceProvider Provider { get; }

    /// <summary>Registers the component in a new container.</summary>
    /// <param name="settings">Whole configuration keys (<c>Aizu:Dsmr:DevicePath</c>), as an installer writes them.</param>
    /// <param name="sectionName">The component's section, as the gateway hands it over.</param>
    /// <param name="register">The component's <c>Add…</c> call, and whatever the test injects beside it.</param>
    public static RegisteredComponent From(
        IReadOnlyDictionary<string, string?> settings, string sectionName, Action<IServiceCollection, IConfigurationSection> register)
    {
        var services = new ServiceCollection().AddLogging();
        register(services, Section(settings, sectionName));
        return new RegisteredComponent(services);
    }

    /// <summary>The options as bound and validated; throws <see cref="OptionsValidationException"/> when they are refused.</summary>
    public TOptions BoundOptions<TOptions>()
        where TOptions : class =>
        Provider.GetRequiredService<IOptions<TOptions>>().Value;

    /// <summary>The refusal that resolving <typeparamref name="TOptions"/> gives; throws when the settings were accepted.</summary>
    public OptionsValidationException Refusal<TOptions>()
        where TOptions : class
    {
        try
        {
            _ = BoundOptions<TOptions>();
        }
        catch (OptionsValidationException refused)
        {
            return refused;
        }

        throw new InvalidOperationException($"The settings were accepted as {typeof(TOptions).Name}.");
    }

    /// <summary>
    /// Starts a host with the component registered (see <see cref="From"/>) and returns the refusal that stopped its
    /// start-up; throws when the host started.
    /// </summary>
    public static async Task<OptionsValidationException> StartUpRefusalAsync(
        IReadOnlyDictionary<string, string?> settings, string sectionName, Action<IServiceCollection, IConfigurationSection> register)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        register(builder.Services, Section(settings, sectionName));
        using var host = builder.Build();
        try
        {
            await host.StartAsync(CancellationToken.None);
        }
        catch (OptionsValidationException refused)
        {
            return refused;
        }

        await host.StopAsync(CancellationToken.None);
        throw new InvalidOperationException("The host started with the settings.");
    }

    public void Dispose() => Provider.Dispose();

    private static IConfigurationSection Section(IReadOnlyDictionary<string, string?> settings, string sectionName) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(sectionName);
}
