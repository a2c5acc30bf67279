namespace Aizu.Consent.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddAizuConsent_RegistersOneServiceAsTheRegistry_AndTheMonitor()
    {
        using var directory = new TemporaryDirectory();
        var configuration = Configuration(new() { ["Aizu:Consent:ExpiryCheckInterval"] = "00:05:00" });
        var services = new ServiceCollection().AddLogging();

        services.AddAizuConsent(configuration.GetSection("Aizu:Consent"), o => o.DatabasePath = directory.File("aizu.db"));
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ConsentService>(), provider.GetRequiredService<IConsentRegistry>());
        Assert.Same(provider.GetRequiredService<ConsentMonitor>(), provider.GetServices<IHostedService>().OfType<ConsentMonitor>().Single());
        Assert.IsType<FileGatewayKeyProvider>(provider.GetRequiredService<IGatewayKeyProvider>());
        Assert.NotNull(provider.GetRequiredService<PurposeCatalogueService>());
        Assert.NotNull(provider.GetRequiredService<RandomNumberGenerator>());
        Assert.Equal(TimeSpan.FromMinutes(5), provider.GetRequiredService<IOptions<ConsentOptions>>().Value.ExpiryCheckInterval);
    }

    [Fact]
    public void AddAizuConsent_KeepsAKeyProviderTheHostRegisteredFirst()
    {
        using var directory = new TemporaryDirectory();
        using var key = P256Keys.Create();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IGatewayKeyProvider>(new FixedKeyProvider(key));

        services.AddAizuConsent(Configuration([]).GetSection("Aizu:Consent"), o => o.DatabasePath = directory.File("aizu.db"));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<FixedKeyProvider>(provider.GetRequiredService<IGatewayKeyProvider>());
    }

    [Fact]
    public void Validation_NamesTheKeyThatIsWrong()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var configuration = Configuration(new()
        {
            ["Aizu:Consent:CityPublicKeyPem"] = p384.ExportSubjectPublicKeyInfoPem(),
            ["Aizu:Consent:ChangePollInterval"] = "00:00:00",
        });
        var services = new ServiceCollection().AddLogging();
        services.AddAizuConsent(configuration.GetSection("Aizu:Consent"));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConsentOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("Aizu:Consent:DatabasePath is required", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Aizu:Consent:CityPublicKeyPem", StringComparison.Ordinal) && f.Contains("P-256", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Aizu:Consent:ChangePollInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_RefusesAPrivateKeyAsTheCityKey()
    {
        using var key = P256Keys.Create();
        var options = new ConsentOptions { DatabasePath = "/tmp/x.db", CityPublicKeyPem = key.ExportPkcs8PrivateKeyPem() };

        var result = new ConsentOptionsValidator("Aizu:Consent").Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("expected a PEM public key", result.FailureMessage, StringComparison.Ordinal);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
