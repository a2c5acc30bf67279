namespace Aizu.Gateway.Configuration;

/// <summary>
/// Where every verb (<c>run</c>, <c>export</c>, <c>consent</c>, <c>egress</c>) reads the installer's
/// settings and finds the gateway's one database file, so a command never looks at another file than
/// the gateway it talks about.
/// </summary>
internal static class GatewayConfiguration
{
    /// <summary>Default location of the installer's configuration file.</summary>
    public const string SystemConfigPath = "/etc/aizu/aizu.json";

    /// <summary>The key naming the gateway's database; readings, consent records and the egress log share the file.</summary>
    public const string DatabasePathKey = "Aizu:Storage:DatabasePath";

    /// <summary>The file <c>aizu run --demo</c> writes to, which the other verbs read when nothing else is configured.</summary>
    public static readonly string DemoDatabasePath = Path.Combine(Hosting.DemoDefaults.DataDirectory, "aizu.db");

    /// <summary>
    /// Adds the configuration file (<paramref name="configPath"/>, which must exist, or
    /// <see cref="SystemConfigPath"/> if it exists) and the <c>AIZU_</c> environment variables.
    /// </summary>
    /// <exception cref="Hosting.GatewayConfigurationException">The file is missing (when named), unreadable, not JSON or has an unknown root section.</exception>
    /// <param name="builder">The configuration being built.</param>
    /// <param name="configPath">The file named with <c>--config</c>, or null.</param>
    /// <param name="systemFile">
    /// Whether <see cref="SystemConfigPath"/> is read when no file is named. The demo passes false: on an
    /// installed gateway, <c>aizu run --demo</c> must not write simulated readings into the household's store.
    /// </param>
    public static IConfigurationBuilder AddGatewaySources(this IConfigurationBuilder builder, string? configPath, bool systemFile = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var file = configPath ?? (systemFile ? SystemConfigPath : null);
        if (file is not null && (configPath is not null || File.Exists(file)) && ConfigurationFile.Problem(file) is { } problem)
        {
            throw new Hosting.GatewayConfigurationException([problem]);
        }

        if (file is not null)
        {
            builder.AddJsonFile(file, optional: configPath is null, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables("AIZU_");
    }

    /// <summary>Reads the configuration a command-line verb works with.</summary>
    /// <exception cref="Hosting.GatewayConfigurationException">The file cannot be read as configuration.</exception>
    public static IConfigurationRoot Load(string? configPath) =>
        new ConfigurationBuilder().AddGatewaySources(configPath).Build();

    /// <summary>
    /// The configured database file: <paramref name="componentKey"/> when given and set (the egress log's
    /// own <c>Aizu:Egress:DatabasePath</c>), else <see cref="DatabasePathKey"/>; null when neither is set.
    /// </summary>
    public static string? DatabasePath(IConfiguration configuration, string? componentKey = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Value(componentKey) ?? Value(DatabasePathKey);

        string? Value(string? key) =>
            key is not null && configuration[key] is { } path && !string.IsNullOrWhiteSpace(path) ? path : null;
    }
}
