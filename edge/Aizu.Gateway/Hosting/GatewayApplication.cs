namespace Aizu.Gateway.Hosting;

/// <summary>The composition root: one generic host with the drivers, the ingest pipeline, the store and the panel.</summary>
internal static class GatewayApplication
{
    /// <summary>The egress log's own key for the database file; it must name the reading store's file.</summary>
    public const string EgressDatabasePathKey = "Aizu:Egress:DatabasePath";

    /// <summary>Builds the host; configuration problems surface as <see cref="GatewayConfigurationException"/>.</summary>
    /// <param name="settings">What the command line asked for.</param>
    /// <param name="configure">Adds configuration sources (tests).</param>
    /// <param name="random">The randomness of keys, ids and codes; a cryptographic generator unless a test gives one.</param>
    public static WebApplication Build(RunSettings settings, Action<IConfigurationBuilder>? configure = null, RandomNumberGenerator? random = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
            EnvironmentName = settings.Demo ? "Demo" : "Production",
        });

        // The simulated devices' folder is only created once the configuration has passed its checks. Its name is
        // random, not the process id: a folder another user left under /tmp with a reused id could not be written
        // (the packaged service runs as its own user) and could be a link planted there.
        random ??= RandomNumberGenerator.Create();
        string runtime = Path.Combine(Path.GetTempPath(), $"aizu-demo-{Convert.ToHexStringLower(RandomBytes(random, 8))}");
        if (settings.Demo)
        {
            // Lowest priority: the user's file and environment variables still win.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = DemoDefaults.Create(runtime, settings.Profile),
            });
        }

        builder.Configuration.AddGatewaySources(settings.ConfigPath, systemFile: !settings.Demo);
        configure?.Invoke(builder.Configuration);

        var unknown = ConfigurationGuard.FindProblems(builder.Configuration);
        if (unknown.Count > 0)
        {
            throw new GatewayConfigurationException(unknown);
        }

        var urls = settings.Urls ?? builder.Configuration["Aizu:Panel:Urls"] ?? RunSettings.DefaultUrls;
        var listenProblems = PanelListenAddresses.Problems(urls, settings.Urls is null ? "Aizu:Panel:Urls" : "--urls");
        if (listenProblems.Count > 0)
        {
            throw new GatewayConfigurationException(listenProblems);
        }

        var identity = PrepareIdentity(builder.Configuration, random);
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);

        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton(random);

        // First of the hosted services: a new identity is written before anything connects with it.
        services.AddSingleton(identity);
        services.AddHostedService<DeviceIdentityService>();

        // Under systemd (deploy/aizu.service, Type=notify): ready only once the panel listens, and the watchdog.
        services.AddSystemd();
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddHostedService<Systemd.SystemdWatchdog>();

        // One calendar for the whole household: storage, tariff, panel, egress and alerts all take it.
        services.AddAizuHousehold(configuration.GetSection(HouseholdOptions.SectionName));
        if (settings.Demo)
        {
            // Registered first so the simulated dongle exists before the driver opens it.
            services.AddOptions<DemoSettings>().Bind(configuration.GetSection("Aizu:Demo"));
            if (settings.Profile == "eu")
            {
                services.AddHostedService<DemoP1Meter>();
            }
            else
            {
                services.AddHostedService<DemoHardware>();
            }
        }

        services.AddAizuStorage(configuration.GetSection("Aizu:Storage"));
        services.AddAizuIngest(configuration.GetSection("Aizu:Ingest"));
        services.AddAizuPanel(configuration.GetSection("Aizu:Panel"));
        if (configuration.GetSection("Aizu:Tariff").Exists())
        {
            // Without a tariff the panel shows energy but no money.
            services.AddAizuTariffs(configuration.GetSection("Aizu:Tariff"));
        }

        if (configuration.GetSection("Aizu:InfluxMirror").Exists())
        {
            services.AddAizuInfluxMirror(configuration.GetSection("Aizu:InfluxMirror"));
        }

        AddMeters(services, configuration);

        // Consent records live in the same file as the readings: one file, one backup.
        services.AddAizuConsent(configuration.GetSection("Aizu:Consent"), o => o.DatabasePath = GatewayConfiguration.DatabasePath(configuration) ?? string.Empty);
        if (settings.Demo)
        {
            DemoSensors.Add(services, configuration.GetSection(IndoorSensorOptions.SectionName));
            services.AddHostedService<DemoCatalogue>();
        }
        else if (configuration.GetSection(IndoorSensorOptions.SectionName).Exists())
        {
            services.AddIndoorSensors(configuration.GetSection(IndoorSensorOptions.SectionName));
        }

        if (configuration.GetSection(DeviceDisplayOptions.SectionName).Exists())
        {
            services.AddDeviceDisplay(configuration.GetSection(DeviceDisplayOptions.SectionName));
            services.AddHostedService<Display.DisplayFeeder>();
            services.AddHostedService<Display.AlertIndicator>();
            services.AddHostedService<Display.SetupCodeNotice>();
        }

        if (configuration.GetSection("Aizu:Uplink").Exists())
        {
            // Only consented aggregates leave, and only when the household has configured a city broker.
            services.AddAizuEgress(configuration.GetSection("Aizu:Egress"));
            services.PostConfigure<EgressOptions>(o => o.DatabasePath = GatewayConfiguration.DatabasePath(configuration, EgressDatabasePathKey) ?? string.Empty);
            services.AddAizuUplink(configuration.GetSection("Aizu:Uplink"));
            services.PostConfigure<EgressOptions>(o => DeviceIdentityUplink.Apply(o, identity));
            services.PostConfigure<UplinkOptions>(o => DeviceIdentityUplink.Apply(o, identity));
        }

        services.AddCityLink(configuration);
        var app = builder.Build();

        if (settings.Demo)
        {
            // Only this user may reach the simulated devices; the folder goes with the process.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(runtime);
            }
            else
            {
                Directory.CreateDirectory(runtime, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            app.Lifetime.ApplicationStopped.Register(() => RemoveRuntimeDirectory(runtime));
        }

        app.MapPanel();
        return app;
    }

    /// <summary>
    /// Runs the options' start-up validation now, before the host starts anything, so a value a component
    /// refuses is reported before the database or the panel's keys are created on disk.
    /// </summary>
    /// <exception cref="GatewayConfigurationException">A component refused its options.</exception>
    public static void ValidateOptions(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException exception)
        {
            throw new GatewayConfigurationException(exception.Failures.ToList());
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is Microsoft.Extensions.Options.OptionsValidationException))
        {
            // More than one component refused its options (found by the configuration fuzz target's seeds): each problem
            // is still one line.
            throw new GatewayConfigurationException(
                [.. exception.InnerExceptions.Cast<Microsoft.Extensions.Options.OptionsValidationException>().SelectMany(e => e.Failures)]);
        }
    }

    // Read only: a new key and id stay in memory until the options have passed (DeviceIdentityService writes them).
    private static byte[] RandomBytes(RandomNumberGenerator random, int count)
    {
        var bytes = new byte[count];
        random.GetBytes(bytes);
        return bytes;
    }

    private static void RemoveRuntimeDirectory(string runtime)
    {
        try
        {
            Directory.Delete(runtime, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder left under /tmp costs nothing and the system clears it; the stop goes on.
        }
    }

    private static DeviceIdentity PrepareIdentity(IConfiguration configuration, RandomNumberGenerator random)
    {
        var files = DeviceIdentityFiles.For(configuration);
        try
        {
            return DeviceIdentity.Prepare(files, random);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new GatewayConfigurationException([$"The device identity in {files.Directory} cannot be read: {exception.Message}"]);
        }
    }

    // Each configured meter section adds its driver; a gateway with none has nothing to read.
    private static void AddMeters(IServiceCollection services, ConfigurationManager configuration)
    {
        bool any = false;
        void AddIfConfigured(string sectionName, Func<IServiceCollection, IConfiguration, IServiceCollection> add)
        {
            var section = configuration.GetSection(sectionName);
            if (section.Exists())
            {
                add(services, section);
                any = true;
            }
        }

        AddIfConfigured(BRouteOptions.SectionName, BRouteServiceCollectionExtensions.AddBRouteMeter);
        AddIfConfigured(DsmrOptions.SectionName, DsmrServiceCollectionExtensions.AddDsmrMeter);
        AddIfConfigured(SmlOptions.SectionName, SmlServiceCollectionExtensions.AddSmlMeter);
        AddIfConfigured(PulseMeterOptions.SectionName, PulseServiceCollectionExtensions.AddPulseMeter);

        if (!any)
        {
            throw new GatewayConfigurationException(
                [$"No meter is configured: add a section {BRouteOptions.SectionName} (Japanese smart meter), {DsmrOptions.SectionName}, {SmlOptions.SectionName} or {PulseMeterOptions.SectionName} (see docs/hardware.md), or try 'aizu run --demo'."]);
        }
    }
}
