namespace Aizu.Consent.Tests;

/// <summary>
/// A consent service on a temporary database with a fake clock, an in-memory gateway key and a city
/// key whose public half is pinned, as the host would wire it.
/// </summary>
internal sealed class ConsentHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory? ownedDirectory;
    private readonly bool ownsKeys;

    public ConsentHarness(Action<ConsentOptions>? configure = null)
        : this(new TemporaryDirectory(), P256Keys.Create(), P256Keys.Create(), new FakeTimeProvider(Start), configure, ownsKeys: true)
    {
    }

    private ConsentHarness(
        TemporaryDirectory directory, ECDsa gatewayKey, ECDsa cityKey, FakeTimeProvider time, Action<ConsentOptions>? configure, bool ownsKeys)
    {
        ownedDirectory = ownsKeys ? directory : null;
        this.ownsKeys = ownsKeys;
        Directory = directory;
        GatewayKey = gatewayKey;
        CityKey = cityKey;
        Time = time;
        Options = new ConsentOptions
        {
            DatabasePath = directory.File("gateway.db"),
            CityPublicKeyPem = P256Keys.ExportPublicPem(cityKey),
            ChangePollInterval = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(Options);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Keys = new FixedKeyProvider(gatewayKey);
        Ledger = new ConsentLedger(options, NullLogger<ConsentLedger>.Instance);
        Store = new PurposeCatalogueStore(options, NullLogger<PurposeCatalogueStore>.Instance);
        Consents = new ConsentService(Ledger, Store, Keys, new GatewayKeyPrincipal(Keys), time, RandomNumberGenerator.Create(), options,
            NullLogger<ConsentService>.Instance);
        Catalogues = new PurposeCatalogueService(Store, Consents, time, NullLogger<PurposeCatalogueService>.Instance);
    }

    public TemporaryDirectory Directory { get; }

    public ECDsa GatewayKey { get; }

    public string GatewayPublicKeyPem => P256Keys.ExportPublicPem(GatewayKey);

    public ECDsa CityKey { get; }

    public FakeTimeProvider Time { get; }

    public ConsentOptions Options { get; }

    public FixedKeyProvider Keys { get; }

    public ConsentLedger Ledger { get; }

    public PurposeCatalogueStore Store { get; }

    public ConsentService Consents { get; }

    public PurposeCatalogueService Catalogues { get; }

    public string DatabasePath => Options.DatabasePath;

    /// <summary>A second service on the same file and keys, as the <c>aizu consent</c> command would be.</summary>
    public ConsentHarness OpenAnotherProcess() =>
        new(Directory, GatewayKey, CityKey, Time, o => o.DatabasePath = DatabasePath, ownsKeys: false);

    public ConsentMonitor CreateMonitor() =>
        new(Consents, Catalogues, Time, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<ConsentMonitor>.Instance);

    public string SignCatalogue(PurposeCatalogue catalogue, ECDsa? key = null) =>
        Es256Jws.Sign(JsonSerializer.SerializeToUtf8Bytes(catalogue, ConsentJson.Default.PurposeCatalogue), key ?? CityKey, new JwsHeader(Type: "JWT"));

    public Task<CatalogueApplyResult> PublishAsync(PurposeCatalogue catalogue) =>
        Catalogues.ApplyAsync(Encoding.UTF8.GetBytes(SignCatalogue(catalogue)));

    /// <summary>Publishes the planning (and research) purposes and returns the planning import request.</summary>
    public async Task<ConsentGrant> RequestPlanningAsync()
    {
        var result = await PublishAsync(SamplePurposes.Catalogue(1, SamplePurposes.Planning(), SamplePurposes.Research()));
        Assert.Equal(CatalogueStatus.Accepted, result.Status);
        return result.Requested.Single(g => g.Purpose == SamplePurposes.PlanningId && g.Category == DataCategories.ElectricImportEnergy);
    }

    public Task<ConsentDecision> GrantPlanningAsync(string granularity = Granularity.Day, TimeSpan? expiresIn = null) =>
        Consents.GrantAsync(SamplePurposes.PlanningId, DataCategories.ElectricImportEnergy, granularity, null, expiresIn, CancellationToken.None);

    public void Dispose()
    {
        Consents.Dispose();
        Store.Dispose();
        if (ownsKeys)
        {
            GatewayKey.Dispose();
            CityKey.Dispose();
            ownedDirectory?.Dispose();
        }
    }
}
