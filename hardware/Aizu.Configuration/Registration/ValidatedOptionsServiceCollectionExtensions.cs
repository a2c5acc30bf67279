using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(
        this IServiceCollection services,
        IConfiguration section,
        string defaultPath,
        Func<string, IValidateOptions<TOptions>> validator)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(validator);

        var builder = services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
        var sectionPath = section is IConfigurationSection named ? named.Path : defaultPath;
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validator(sectionPath)));
        return builder;
    }
}
