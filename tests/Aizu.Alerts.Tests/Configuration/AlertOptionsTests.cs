namespace Aizu.Alerts.Tests;

public sealed class AlertOptionsTests : IDisposable
{
    private readonly TestCity city = new();

    [Fact]
    public void Validate_NoCityKey_NamesBothKeys()
    {
        var result = new AlertOptionsValidator("Aizu:Alerts").Validate(null, new AlertOptions());

        Assert.True(result.Failed);
        Assert.Contains("Aizu:Alerts:CityKeyPem", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Aizu:Alerts:CityKeyFile", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrivateKeyPinned_IsRefused()
    {
        var result = new AlertOptionsValidator("Aizu:Alerts").Validate(null, new AlertOptions { CityKeyPem = P256Keys.ExportPrivatePem(city.Key) });

        Assert.Contains("holds a private key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MinimumLevel", "Aizu:Alerts:Household:MinimumLevel 5 must be between 1 and 4")]
    [InlineData("Latitude", "Aizu:Alerts:Household:Latitude and Aizu:Alerts:Household:Longitude go together")]
    [InlineData("QuietHours", "Aizu:Alerts:Household:QuietHoursStart and Aizu:Alerts:Household:QuietHoursEnd go together")]
    [InlineData("Geocode", "Aizu:Alerts:Household:Geocodes:0 needs both Name")]
    [InlineData("Language", "Aizu:Alerts:Household:Languages:0 '日本語' is not a language tag")]
    public void Validate_BadHouseholdSetting_NamesTheKey(string setting, string expected)
    {
        var options = new AlertOptions { CityKeyPem = city.PublicPem };
        var household = options.Household;
        switch (setting)
        {
            case "MinimumLevel": household.MinimumLevel = 5; break;
            case "Latitude": household.Latitude = 37.5; break;
            case "QuietHours": household.QuietHoursStart = new TimeOnly(22, 0); break;
            case "Geocode": household.Geocodes.Add(new GeocodeSetting { Name = "JP-District" }); break;
            case "Language": household.Languages.Add("日本語"); break;
        }

        var result = new AlertOptionsValidator("Aizu:Alerts").Validate(null, options);

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAizuAlerts_BindsTheHouseholdFromConfigurationAndWiresTheInbox()
    {
        var directory = Directory.CreateTempSubdirectory("aizu-alerts-di-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aizu:Alerts:CityKeyPem"] = city.PublicPem,
                ["Aizu:Alerts:KeyStateFile"] = Path.Combine(directory, "keys.json"),
                ["Aizu:Alerts:Household:Latitude"] = "37.49",
                ["Aizu:Alerts:Household:Longitude"] = "139.86",
                ["Aizu:Alerts:Household:Geocodes:0:Name"] = "JP-District",
                ["Aizu:Alerts:Household:Geocodes:0:Value"] = "07202-kitaaizu",
                ["Aizu:Alerts:Household:Languages:0"] = "en",
                ["Aizu:Alerts:Household:Categories:0"] = "Met",
                ["Aizu:Alerts:Household:QuietHoursStart"] = "22:00",
                ["Aizu:Alerts:Household:QuietHoursEnd"] = "07:00",
            }).Build();
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestGateway.Morning));
            services.AddAizuAlerts(configuration.GetSection("Aizu:Alerts"));
            await using var provider = services.BuildServiceProvider();

            var options = provider.GetRequiredService<IOptions<AlertOptions>>().Value;
            Assert.Equal(new GeoPoint(37.49, 139.86), options.Household.Location);
            Assert.Equal(["en"], options.Household.EffectiveLanguages);
            Assert.Equal([CapCategory.Met], options.Household.Categories);
            Assert.Equal(new TimeOnly(22, 0), options.Household.QuietHoursStart);

            var inbox = provider.GetRequiredService<AlertInbox>();
            var receipt = await inbox.ReceiveAsync(city.Sign(Fixture.Example("level4-evacuation-order.xml")), new AlertDelivery(WireTopics.CityAlerts, false, null), CancellationToken.None);
            Assert.Equal(AlertOutcome.Shown, receipt.Outcome);
            Assert.Equal("en-US", Assert.Single(provider.GetRequiredService<AlertBoard>().GetCurrent()).Language);
            Assert.Equal(1, provider.GetRequiredService<AlertStatistics>().Count(AlertOutcome.Shown));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AddAizuAlerts_InvalidSection_FailsNamingTheKey()
    {
        using var alerts = RegisteredComponent.From(
            new Dictionary<string, string?> { ["Aizu:Alerts:Household:MinimumLevel"] = "5" },
            "Aizu:Alerts",
            (services, section) => services.AddAizuAlerts(section));

        var error = alerts.Refusal<AlertOptions>();

        Assert.Contains("Aizu:Alerts:Household:MinimumLevel", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => city.Dispose();
}
