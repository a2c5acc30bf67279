namespace Aizu.Panel.Tests.Consent;

/// <summary>Sharing the household's district is a separate, explicit choice, offered only by a purpose that asks for it.</summary>
public sealed class DistrictChoiceTests
{
    private const string District = "aizuwakamatsu/tsuruga";

    [Fact]
    public async Task OnlyATickedChoice_ForAPurposeThatAsks_SharesTheConfiguredDistrict()
    {
        await using var panel = await ConsentPanel.StartAsync(district: District);
        var purposes = ConsentPanel.StandardPurposes();
        purposes[0] = purposes[0] with { AsksDistrict = true };
        await panel.ApplyCatalogueAsync(1, purposes);

        var overview = await panel.Client.GetFromJsonAsync<JsonElement>("/api/consent");
        Assert.Equal(District, overview.GetProperty("householdDistrict").GetString());
        var offered = overview.GetProperty("purposes").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("asksDistrict").GetBoolean());
        Assert.True(offered[ConsentPanel.EnergyPurpose]);
        Assert.False(offered[ConsentPanel.ResearchPurpose]);

        // Not ticked: granted without a district.
        var plain = await GrantAsync(panel, new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricExportEnergy });
        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.False(plain.Consent.TryGetProperty("district", out var none) && none.ValueKind != JsonValueKind.Null);

        // Ticked: the gateway's configured district, recorded in the grant the ledger keeps.
        var shared = await GrantAsync(panel, new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy, shareDistrict = true });
        Assert.Equal(HttpStatusCode.OK, shared.Status);
        Assert.Equal(District, shared.Consent.GetProperty("district").GetString());
        var grants = (await panel.Consents.GetGrantsAsync(CancellationToken.None)).Where(g => g.Status == ConsentStatus.Given).ToList();
        Assert.Equal(District, grants.Single(g => g.Category == DataCategories.ElectricImportEnergy).District);
        Assert.Null(grants.Single(g => g.Category == DataCategories.ElectricExportEnergy).District);

        // A purpose that does not ask for it cannot get it.
        var refused = await GrantAsync(panel, new { purpose = ConsentPanel.ResearchPurpose, category = DataCategories.ElectricImportEnergy, granularity = "PT1H", shareDistrict = true });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.DoesNotContain(await panel.Consents.GetGrantsAsync(CancellationToken.None), g => g.Purpose == ConsentPanel.ResearchPurpose && g.District is not null);
    }

    [Fact]
    public async Task WithoutAConfiguredDistrict_NothingCanBeShared()
    {
        await using var panel = await ConsentPanel.StartAsync();
        var purposes = ConsentPanel.StandardPurposes();
        purposes[0] = purposes[0] with { AsksDistrict = true };
        await panel.ApplyCatalogueAsync(1, purposes);

        var refused = await GrantAsync(panel, new { purpose = ConsentPanel.EnergyPurpose, category = DataCategories.ElectricImportEnergy, shareDistrict = true });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.DoesNotContain(await panel.Consents.GetGrantsAsync(CancellationToken.None), g => g.Status == ConsentStatus.Given);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Consent)> GrantAsync(ConsentPanel panel, object body)
    {
        using var response = await panel.Client.PostAsJsonAsync("/api/consent/grants", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, response.IsSuccessStatusCode ? json.GetProperty("consent") : json);
    }
}
