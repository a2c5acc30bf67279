namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>A household's consent decisions written into its store before its gateway starts, dated by a clock of the test's.</summary>
internal static class HouseholdDecisions
{
    /// <summary>Applies the city's signed catalogue.</summary>
    public static async Task ApplyCatalogueAsync(CityCouncil city, string database, TimeProvider clock)
    {
        await using var household = city.HouseholdConsents(database, clock);
        var catalogue = city.SignCatalogue(clock.GetUtcNow());
        var applied = await household.GetRequiredService<PurposeCatalogueService>().ApplyAsync(System.Text.Encoding.UTF8.GetBytes(catalogue));
        Assert.Equal(CatalogueStatus.Accepted, applied.Status);
    }

    /// <summary>Grants the energy-planning purpose the import energy per hour; returns the consent id.</summary>
    public static async Task<string> GrantHourlyAsync(CityCouncil city, string database, TimeProvider clock)
    {
        await using var household = city.HouseholdConsents(database, clock);
        var decision = await household.GetRequiredService<ConsentService>()
            .GrantAsync(CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Hour, null, null, CancellationToken.None);
        return decision.Grant.ConsentId;
    }
}
