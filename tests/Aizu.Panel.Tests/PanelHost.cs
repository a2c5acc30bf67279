namespace Aizu.Panel.Tests;

/// <summary>
/// The gateway's composition (storage, ingest, panel) on a real Kestrel at 127.0.0.1 with an ephemeral
/// port and a real store on a temporary file.
/// </summary>
internal sealed class PanelHost : IAsyncDisposable
{
    private readonly string directory;

    private PanelHost(WebApplication app, Uri address, string directory)
    {
        this.directory = directory;
        App = app;
        Client = PanelSignIn.NewClient(address);
    }

    public const string Password = PanelSignIn.Password;

    /// <summary>The household's time zone, unless a test's settings name another.</summary>
    public const string TimeZone = "Asia/Tokyo";

    /// <summary>The household calendar of <see cref="TimeZone"/>, for a tariff a test registers itself.</summary>
    public static Aizu.Household.HouseholdCalendar Calendar => new(TimeZoneInfo.FindSystemTimeZoneById(TimeZone));

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ReadingStore Store => App.Services.GetRequiredService<ReadingStore>();

    public LiveFeed Feed => App.Services.GetRequiredService<LiveFeed>();

    public IngestStatistics Statistics => App.Services.GetRequiredService<IngestStatistics>();

    public static async Task<PanelHost> StartAsync(
        TimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        IReadingSource? source = null,
        bool signIn = true,
        Action<IServiceCollection>? services = null)
    {
        var app = Build(time, settings, source, out var directory, services);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var host = new PanelHost(app, new Uri(address), directory);
        if (signIn)
        {
            await host.SignInAsync(Password);
        }

        return host;
    }

    /// <summary>Builds the app without starting it, for start-up validation tests.</summary>
    public static WebApplication Build(
        TimeProvider? time,
        IDictionary<string, string?>? settings,
        IReadingSource? source,
        out string directory,
        Action<IServiceCollection>? services = null)
    {
        directory = Path.Combine(Path.GetTempPath(), "aizu-panel-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aizu:Storage:DatabasePath"] = Path.Combine(directory, "readings.db"),
            ["Aizu:Household:TimeZone"] = TimeZone,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        // Exactly what the composition root (edge/Aizu.Gateway) does.
        var cfg = builder.Configuration;
        builder.Services.AddAizuHousehold(cfg.GetSection(HouseholdOptions.SectionName));
        builder.Services.AddAizuStorage(cfg.GetSection("Aizu:Storage"));
        builder.Services.AddAizuIngest(cfg.GetSection("Aizu:Ingest"));
        builder.Services.AddAizuPanel(cfg.GetSection("Aizu:Panel"));
        if (source is not null)
        {
            builder.Services.AddSingleton(source);
        }

        // Optional components a test wants present (tariff, InfluxDB mirror status, consent…).
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapPanel();
        return app;
    }

    /// <summary>What the page does: the session for its anti-forgery token, then the first-start password or a sign-in.</summary>
    public async Task SignInAsync(string password) => await PanelSignIn.SignInAsync(Client, password, await SetupCodeAsync());

    /// <summary>The setup code the device would show while the panel is unclaimed (null once claimed).</summary>
    public Task<string?> SetupCodeAsync() => App.Services.GetRequiredService<PanelClaim>().PendingCodeAsync(CancellationToken.None);

    public void SetCsrf(SessionState session)
    {
        Client.DefaultRequestHeaders.Remove(session.CsrfHeader);
        Client.DefaultRequestHeaders.Add(session.CsrfHeader, session.CsrfToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
