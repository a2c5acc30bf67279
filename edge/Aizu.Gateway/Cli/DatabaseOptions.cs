namespace Aizu.Gateway.Cli;

/// <summary>
/// The <c>--config</c> and <c>--database</c> options of every verb that opens the gateway's database, and
/// the one rule that turns them into a file: <c>--database</c>, else <c>Aizu:Storage:DatabasePath</c> from
/// the configuration, else the demo's file.
/// </summary>
internal sealed class DatabaseOptions
{
    private readonly string? componentKey;

    /// <param name="recursive">Whether the options also apply to the verb's subcommands.</param>
    /// <param name="componentKey">A component's own key for the file, read before the shared one.</param>
    public DatabaseOptions(bool recursive = false, string? componentKey = null)
    {
        this.componentKey = componentKey;
        Config = new Option<FileInfo?>("--config")
        {
            Description = $"Configuration file (JSON). Default: {GatewayConfiguration.SystemConfigPath} if it exists.",
            Recursive = recursive,
        };
        Database = new Option<FileInfo?>("--database")
        {
            Description = $"The gateway's database. Default: {(componentKey is null ? "" : componentKey + ", else ")}{GatewayConfiguration.DatabasePathKey} from the configuration, else {GatewayConfiguration.DemoDatabasePath}.",
            Recursive = recursive,
        };
    }

    public Option<FileInfo?> Config { get; }

    public Option<FileInfo?> Database { get; }

    /// <summary>
    /// True for <c>aizu erase</c>: a database an interrupted erase already removed (its marker still there) is no
    /// error, so the erase can be finished.
    /// </summary>
    public bool FinishesInterruptedErase { get; init; }

    /// <summary>
    /// Reads the configuration and finds the existing database file, or writes one line to
    /// <paramref name="error"/> (the verb then exits with <see cref="ExitCodes.BadConfiguration"/>).
    /// </summary>
    public bool TryResolve(
        ParseResult parse,
        TextWriter error,
        [NotNullWhen(true)] out IConfigurationRoot? configuration,
        [NotNullWhen(true)] out string? path)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        path = null;
        try
        {
            configuration = GatewayConfiguration.Load(parse.GetValue(Config)?.FullName);
        }
        catch (Hosting.GatewayConfigurationException exception)
        {
            Hosting.GatewayRunner.WriteProblems(error, exception.Problems);
            configuration = null;
            return false;
        }

        if (ConfigurationGuard.FindProblems(configuration) is { Count: > 0 } problems)
        {
            Hosting.GatewayRunner.WriteProblems(error, problems);
            configuration = null;
            return false;
        }

        path = Path.GetFullPath(parse.GetValue(Database)?.FullName
            ?? GatewayConfiguration.DatabasePath(configuration, componentKey)
            ?? GatewayConfiguration.DemoDatabasePath);
        if (!File.Exists(path) && !(FinishesInterruptedErase && Erase.EraseMarker.IsPresent(path)))
        {
            // Never create an empty database here: a typo in the path would look like "nothing stored".
            error.WriteLine($"error: there is no gateway database at {path}. Pass --database FILE, or set {GatewayConfiguration.DatabasePathKey} in the configuration.");
            path = null;
            return false;
        }

        return true;
    }
}
