namespace Aizu.Gateway.Cli;

/// <summary>
/// <c>aizu erase [--yes] [--include-config] [--force] [--config FILE] [--database FILE]</c>: forgets the household on
/// this device (store, keys, panel password; the configuration only when asked), for a move or a hand-over. It first
/// makes sure nothing is left at the city that the household can no longer ask to delete: no consent in force, and
/// every deletion request confirmed by its recipient (the signed confirmations are shown). Without <c>--yes</c> it
/// only lists what it would remove.
/// </summary>
internal static class EraseCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var yes = new Option<bool>("--yes") { Description = "Erase now. Without it, only list what would be removed." };
        var includeConfig = new Option<bool>("--include-config") { Description = "Also remove the configuration file (it holds the B-route ID and password)." };
        var force = new Option<bool>("--force") { Description = "Erase even though deletion requests to the city are not confirmed yet." };
        var database = new DatabaseOptions { FinishesInterruptedErase = true };
        var command = new Command("erase", "Erase this household's data, keys and panel password from the device, after the city confirmed deleting what it received.")
        {
            yes,
            includeConfig,
            force,
            database.Config,
            database.Database,
        };
        command.SetAction((parse, cancellationToken) => database.TryResolve(parse, error, out var configuration, out var path)
            ? RunAsync(new Request(configuration, path, parse.GetValue(database.Config)?.FullName, parse.GetValue(yes), parse.GetValue(includeConfig), parse.GetValue(force)), output, error, time, cancellationToken)
            : Task.FromResult(ExitCodes.BadConfiguration));
        return command;
    }

    private static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        if (OpenFileHolders.Of(request.DatabasePath) is { Count: > 0 } holders)
        {
            await error.WriteLineAsync($"error: the gateway's database {request.DatabasePath} is in use by {string.Join(", ", holders)}: stop the gateway first (systemctl stop aizu). Nothing was erased.");
            return ExitCodes.CannotStart;
        }

        // An erase that a power cut or a kill interrupted was already decided and checked: finish it. Its database may be
        // gone already, so it is not asked again.
        var resuming = EraseMarker.IsPresent(request.DatabasePath);
        if (resuming)
        {
            await output.WriteLineAsync("An erase of this gateway was interrupted: finishing it.");
        }
        else
        {
            CityState city;
            try
            {
                city = await ReadCityStateAsync(request, time, cancellationToken);
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException exception)
            {
                await error.WriteLineAsync($"error: the configuration is not valid: {string.Join(" ", exception.Failures)} Nothing was erased.");
                return ExitCodes.BadConfiguration;
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {request.DatabasePath} cannot be read: {exception.Message}. Nothing was erased.");
                return ExitCodes.CannotStart;
            }

            if (city.ConsentsInForce > 0)
            {
                await error.WriteLineAsync($"error: {city.ConsentsInForce} consent(s) are still given: withdraw them first (the panel's consent screen, or 'aizu consent withdraw'), so the city is asked to delete what it received. Nothing was erased.");
                return ExitCodes.BadInput;
            }

            foreach (var confirmed in city.Confirmed)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"The city ({confirmed.Recipient}) confirmed on {confirmed.ConfirmedAt:yyyy-MM-dd HH:mm} UTC that it deleted {confirmed.Rows} stored window(s) of {confirmed.Purpose} / {confirmed.Category}."));
            }

            if (city.Awaited.Count > 0)
            {
                var purposes = string.Join(", ", city.Awaited.Select(a => a.Purpose).Distinct(StringComparer.Ordinal));
                if (!request.Force)
                {
                    await error.WriteLineAsync($"error: {city.Awaited.Count} deletion request(s) to the city ({purposes}) are not confirmed yet: keep the gateway running until the consent screen shows the city's confirmation, or pass --force to erase without it (the pseudonym secret goes with the device, so no new request can be made afterwards). Nothing was erased.");
                    return ExitCodes.BadInput;
                }

                await output.WriteLineAsync($"Not confirmed by the city yet ({purposes}): erasing anyway (--force).");
            }
        }

        var files = HouseholdFiles.Find(request.Configuration, request.DatabasePath).ToList();
        var configFile = request.ConfigPath ?? (File.Exists(GatewayConfiguration.SystemConfigPath) ? GatewayConfiguration.SystemConfigPath : null);
        if (request.IncludeConfig && configFile is not null)
        {
            files.Add(new HouseholdFile(Path.GetFullPath(configFile), "the configuration (B-route ID and password, broker settings)"));
        }

        if (!request.Yes)
        {
            await output.WriteLineAsync("Would remove:");
            foreach (var file in files)
            {
                await output.WriteLineAsync($"  {file.Path}  ({file.Holds})");
            }

            await output.WriteLineAsync(request.IncludeConfig || configFile is null
                ? "Run again with --yes to erase."
                : $"Kept: {configFile} (add --include-config to remove it too). Run again with --yes to erase.");
            return ExitCodes.Ok;
        }

        if (!resuming)
        {
            try
            {
                await EraseMarker.BeginAsync(request.DatabasePath, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {EraseMarker.For(request.DatabasePath)} could not be written: {exception.Message}. Nothing was erased.");
                return ExitCodes.CannotStart;
            }
        }

        foreach (var file in files)
        {
            try
            {
                if (Directory.Exists(file.Path))
                {
                    Directory.Delete(file.Path, recursive: true);
                }
                else
                {
                    File.Delete(file.Path);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: {file.Path} could not be removed: {exception.Message}. Run 'aizu erase --yes' again as the gateway's user or root.");
                return ExitCodes.CannotStart;
            }

            await output.WriteLineAsync($"Removed {file.Path}  ({file.Holds})");
        }

        EraseMarker.End(request.DatabasePath);
        await output.WriteLineAsync("This device no longer holds the household's data, keys or panel password; the next start begins as a new gateway (new setup code, new pseudonyms).");
        return ExitCodes.Ok;
    }

    // What the city may still hold: consents in force, deletion requests awaiting their confirmation, and the signed
    // confirmations received. A gateway that never talked to a city has no egress tables, and so nothing to ask.
    private static async Task<CityState> ReadCityStateAsync(Request request, TimeProvider time, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddAizuConsent(request.Configuration.GetSection("Aizu:Consent"), options => options.DatabasePath = request.DatabasePath);
        bool egress = HasEgressTables(request.DatabasePath);
        if (egress)
        {
            services.AddAizuEgress(request.Configuration.GetSection("Aizu:Egress"));
            services.PostConfigure<EgressOptions>(options => options.DatabasePath = request.DatabasePath);
        }

        await using var provider = services.BuildServiceProvider();
        var now = time.GetUtcNow();
        var grants = await provider.GetRequiredService<ConsentService>().GetGrantsAsync(cancellationToken);
        int inForce = grants.Count(g => g.IsActiveAt(now));
        if (!egress)
        {
            return new CityState(inForce, [], []);
        }

        var awaited = await provider.GetRequiredService<DeletionConfirmations>().GetAwaitedAsync(cancellationToken);
        var confirmed = await provider.GetRequiredService<DeletionConfirmationReceiver>().ListVerifiedAsync(cancellationToken);
        return new CityState(inForce, awaited, confirmed);
    }

    private static bool HasEgressTables(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'egress_state';";
        return (long)command.ExecuteScalar()! > 0;
    }

    private sealed record Request(IConfigurationRoot Configuration, string DatabasePath, string? ConfigPath, bool Yes, bool IncludeConfig, bool Force);

    private sealed record CityState(int ConsentsInForce, IReadOnlyList<AwaitedConfirmation> Awaited, IReadOnlyList<ConfirmedDeletion> Confirmed);
}
