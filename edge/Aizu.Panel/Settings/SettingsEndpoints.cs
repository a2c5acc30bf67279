namespace Aizu.Panel;

/// <summary>
/// The settings screen's API, for the signed-in household only: <c>GET /api/settings</c>,
/// <c>GET /api/export</c> (a download) and <c>POST /api/erase</c>.
/// </summary>
internal static class SettingsEndpoints
{
    /// <summary>Maps the endpoints on <paramref name="group"/>, which must require <see cref="PanelPolicies.Household"/>.</summary>
    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/settings", GetAsync);
        group.MapGet("/export", ExportEndpoint.HandleAsync);

        // Rate-limited like sign-in: the password in the body must not be guessable through this door either.
        group.MapPost("/erase", EraseEndpoint.HandleAsync).AddEndpointFilter<CsrfFilter>().RequireRateLimiting(SessionEndpoints.LoginRateLimit);
        return group;
    }

    public static async Task<Ok<SettingsOverview>> GetAsync(
        IReadingQueries store,
        IStoreStatus storeStatus,
        IOptions<StorageOptions> storage,
        IConfiguration configuration,
        PanelClock clock,
        IServiceProvider services,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        int? series = null;
        long? readings = null;
        try
        {
            series = (await store.GetSeriesAsync(cancellationToken)).Count;
            readings = await store.CountAsync(cancellationToken);
        }
        catch (StoreUnavailableException exception)
        {
            // Settings must still open when the store is broken: that is when its health matters most.
            loggers.CreateLogger(PanelEndpoints.LogCategory).StoreUnavailableForPanel(exception.Message);
        }

        // Optional components: a gateway without a tariff, mirror or consent still has a settings screen.
        var tariff = services.GetService<Tariff>();
        var influx = services.GetService<InfluxMirrorStatus>();
        return TypedResults.Ok(new SettingsOverview(
            tariff is null ? null : TariffDescription.From(tariff),
            ConfigFile(configuration),
            RetentionSettings.From(storage.Value, storeStatus.DatabasePath, series, readings, storeStatus.Health),
            influx is null ? null : InfluxMirrorItem.From(influx.Current),
            await EraseEndpoint.CountActiveConsentsAsync(services, clock.UtcNow, cancellationToken),
            clock.Today().Date));
    }

    /// <summary>The last JSON file the configuration was read from (the one that wins), if any.</summary>
    private static string? ConfigFile(IConfiguration configuration)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return null;
        }

        foreach (var provider in root.Providers.Reverse().OfType<JsonConfigurationProvider>())
        {
            var source = provider.Source;
            if (source.Path is { } path && source.FileProvider?.GetFileInfo(path) is { Exists: true, PhysicalPath: { } physical })
            {
                return physical;
            }
        }

        return null;
    }
}
