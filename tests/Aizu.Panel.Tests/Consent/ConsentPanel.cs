namespace Aizu.Panel.Tests.Consent;

/// <summary>
/// The panel with the real consent component (and, optionally, the real egress side) on the same temporary
/// SQLite file, as the gateway composes them, plus a city key that signs purpose catalogues.
/// </summary>
internal sealed class ConsentPanel : IAsyncDisposable
{
    public const string EnergyPurpose = "city-energy-planning";
    public const string ResearchPurpose = "university-load-research";
    public const string GatewayId = "gw-panel-test";

    private static readonly JsonSerializerOptions CatalogueJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ECDsa cityKey;

    private ConsentPanel(string directory, ECDsa cityKey, PanelHost host)
    {
        Directory = directory;
        this.cityKey = cityKey;
        Host = host;
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "aizu.db");

    public PanelHost Host { get; }

    public HttpClient Client => Host.Client;

    public string CityPublicKeyPem => cityKey.ExportSubjectPublicKeyInfoPem();

    public ConsentService Consents => Host.App.Services.GetRequiredService<ConsentService>();

    public static async Task<ConsentPanel> StartAsync(bool egress = false, bool signIn = true, string? district = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "aizu-panel-consent-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "aizu.db");
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var consentSection = Section(new Dictionary<string, string?>
        {
            ["CityPublicKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
            ["ChangePollInterval"] = "00:00:00.200",
        });
        var egressSection = Section(new Dictionary<string, string?>
        {
            ["DatabasePath"] = database,
            ["GatewayId"] = GatewayId,
            ["SecretPath"] = Path.Combine(directory, "pseudonym.key"),
            ["EvaluationInterval"] = "00:00:01",
            ["ReleaseDelay"] = "00:00:00",
            // The city signs deletion confirmations; one key for catalogue and confirmations keeps the tests short.
            ["CityConfirmationKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
        });
        try
        {
            var host = await PanelHost.StartAsync(
                settings: new Dictionary<string, string?> { ["Aizu:Storage:DatabasePath"] = database, ["Aizu:Household:District"] = district },
                signIn: signIn,
                services: services =>
                {
                    // As the composition root does: consent always, egress only with a city connection.
                    services.AddAizuConsent(consentSection, o => o.DatabasePath = database);
                    if (egress)
                    {
                        services.AddAizuEgress(egressSection);
                    }
                });
            return new ConsentPanel(directory, key, host);
        }
        catch
        {
            key.Dispose();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>The standard test catalogue: daily/monthly/hourly energy planning and a 30-minute research purpose.</summary>
    public static Purpose[] StandardPurposes(int energyVersion = 1, string energyRecipient = "city-energy-office") =>
    [
        new Purpose(
            EnergyPurpose, energyVersion,
            new LocalizedText("地区のエネルギー計画", "District energy planning"),
            new LocalizedText("買電量を地区計画に使います。", "Energy you buy, for district planning."),
            DpvPurposes.ImprovePublicServices, energyRecipient, false,
            [DataCategories.ElectricImportEnergy, DataCategories.ElectricExportEnergy], [Granularity.Hour, Granularity.Day, Granularity.Month], "P24M"),
        new Purpose(
            ResearchPurpose, 1,
            new LocalizedText("大学の研究", "University research"),
            new LocalizedText("30分ごとの買電量を研究に使います。", "30-minute energy for research."),
            DpvPurposes.AcademicResearch, "aizu-university-energy-lab", false,
            [DataCategories.ElectricImportEnergy], [Granularity.HalfHour, Granularity.Hour], "P12M"),
    ];

    /// <summary>Signs a catalogue with the city key and hands it to the gateway's real catalogue service.</summary>
    public async Task ApplyCatalogueAsync(long sequence, params Purpose[] purposes)
    {
        var catalogue = new PurposeCatalogue(
            "Test City", sequence, DateTimeOffset.UtcNow, "https://city.example/privacy",
            new CatalogueController("Test City, Smart City Division", Email: "privacy@city.example"),
            purposes.Length == 0 ? StandardPurposes() : purposes);
        var jws = Es256Jws.Sign(JsonSerializer.SerializeToUtf8Bytes(catalogue, CatalogueJson), cityKey, new JwsHeader(Type: "JWT"));
        var result = await Host.App.Services.GetRequiredService<PurposeCatalogueService>().ApplyAsync(Encoding.UTF8.GetBytes(jws));
        Assert.True(result.Status == CatalogueStatus.Accepted, $"catalogue not accepted: {result.Problem}");
    }

    /// <summary>Signs <paramref name="payload"/> with the city key as a compact JWS of <paramref name="contentType"/>.</summary>
    public byte[] SignAsCity(byte[] payload, string contentType) =>
        Encoding.ASCII.GetBytes(Es256Jws.Sign(payload, cityKey, JwsHeader.Thumbprinted(cityKey, contentType: contentType)));

    /// <summary>
    /// The household's consent service on the same file with its own clock, as <c>aizu consent</c> in another
    /// process would be: lets a test record a decision "months ago".
    /// </summary>
    public ServiceProvider HouseholdConsents(TimeProvider clock)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(clock);
        services.AddAizuConsent(Section(new Dictionary<string, string?> { ["CityPublicKeyPem"] = CityPublicKeyPem }), o => o.DatabasePath = DatabasePath);
        return services.BuildServiceProvider();
    }

    public T Service<T>()
        where T : notnull => Host.App.Services.GetRequiredService<T>();

    public T? OptionalService<T>() => Host.App.Services.GetService<T>();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        cityKey.Dispose();
        SqliteCleanup();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static IConfiguration Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
