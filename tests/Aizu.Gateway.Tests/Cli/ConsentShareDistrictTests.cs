namespace Aizu.Gateway.Tests.Cli;

/// <summary>
/// <c>aizu consent grant … --share-district</c>: the command line's form of the panel's "share my district"
/// choice, with the same rules (the configured district only, only for a purpose that asks for it).
/// </summary>
public sealed class ConsentShareDistrictTests : IDisposable
{
    private const string District = "aizuwakamatsu/tsuruga";
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task ShareDistrict_RecordsTheConfiguredDistrict_OnlyForAPurposeThatAsks()
    {
        var database = await GatewayWithCatalogueAsync();
        var config = await ConfigAsync(database, District);

        var (code, output, error) = await GatewayRun.InvokeAsync(["consent", "grant", CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, "--share-district", "--config", config]);
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains($"with your district {District}.", output, StringComparison.Ordinal);

        // A purpose that does not ask for it cannot get it: one line, nothing recorded.
        (code, _, error) = await GatewayRun.InvokeAsync(["consent", "grant", CityCouncil.SafetyPurpose, DataCategories.AlertAcknowledgement, "--share-district", "--config", config]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));

        var given = await GivenAsync(database);
        Assert.Equal(District, Assert.Single(given, g => g.Purpose == CityCouncil.EnergyPurpose).District);
        Assert.DoesNotContain(given, g => g.Purpose == CityCouncil.SafetyPurpose);
    }

    [Fact]
    public async Task ShareDistrict_WithoutAConfiguredDistrict_IsRefusedInOneLine()
    {
        var database = await GatewayWithCatalogueAsync();
        var config = await ConfigAsync(database, district: null);

        var (code, _, error) = await GatewayRun.InvokeAsync(["consent", "grant", CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, "--share-district", "--config", config]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: No district is configured on this gateway (Aizu:Household:District), so none can be shared.", error.Trim());
        Assert.Empty(await GivenAsync(database));
    }

    // A gateway database holding the city's signed catalogue, whose energy-planning purpose asks for the district.
    private async Task<string> GatewayWithCatalogueAsync()
    {
        using var city = P256Keys.Create();
        await File.WriteAllTextAsync(directory.File("city.pub.pem"), P256Keys.ExportPublicPem(city));
        var catalogue = CityCouncil.Catalogue(DateTimeOffset.UtcNow.AddMinutes(-1));
        catalogue = catalogue with { Purposes = [catalogue.Purposes[0] with { AsksDistrict = true }, .. catalogue.Purposes.Skip(1)] };
        var jws = Es256Jws.Sign(JsonSerializer.SerializeToUtf8Bytes(catalogue, CityCouncil.CatalogueJson), city, new JwsHeader(Type: "JWT"));
        var database = directory.File("gateway.db");
        await using var services = Consents(database);
        var applied = await services.GetRequiredService<PurposeCatalogueService>().ApplyAsync(System.Text.Encoding.UTF8.GetBytes(jws));
        Assert.True(applied.Status == CatalogueStatus.Accepted, applied.Problem);
        return database;
    }

    // What the household gave (the catalogue's own requests are not consent).
    private async Task<List<ConsentGrant>> GivenAsync(string database)
    {
        await using var services = Consents(database);
        return [.. (await services.GetRequiredService<ConsentService>().GetGrantsAsync(CancellationToken.None)).Where(g => g.Status == ConsentStatus.Given)];
    }

    private ServiceProvider Consents(string database)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CityPublicKeyPem"] = File.ReadAllText(directory.File("city.pub.pem")),
        }).Build();
        return new ServiceCollection().AddLogging().AddAizuConsent(section, o => o.DatabasePath = database).BuildServiceProvider();
    }

    private async Task<string> ConfigAsync(string database, string? district)
    {
        var household = district is null ? "" : $", \"Household\": {{ \"District\": {JsonSerializer.Serialize(district)} }}";
        var path = directory.File("aizu.json");
        await File.WriteAllTextAsync(path,
            $"{{ \"Aizu\": {{ \"Storage\": {{ \"DatabasePath\": {JsonSerializer.Serialize(database)} }}, \"Consent\": {{ \"CityPublicKeyPem\": {JsonSerializer.Serialize(File.ReadAllText(directory.File("city.pub.pem")))} }}{household} }} }}");
        return path;
    }
}
