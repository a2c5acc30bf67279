namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// A household whose gateway ran yesterday (<see cref="YesterdaysReadings"/>) and which decides on the city's signed
/// catalogue as of yesterday's (Japan) midnight: its hourly energy grant covers a whole day of closed windows.
/// </summary>
internal sealed class HouseholdSinceYesterday : IDisposable
{
    private readonly ServiceProvider household;

    private HouseholdSinceYesterday(DateTimeOffset yesterday, ServiceProvider household)
    {
        Yesterday = yesterday;
        this.household = household;
    }

    /// <summary>Yesterday's Japan midnight: the start of the grant's first window.</summary>
    public DateTimeOffset Yesterday { get; }

    /// <summary>Writes yesterday's readings into a new store at <paramref name="database"/> and accepts the city's catalogue.</summary>
    public static async Task<HouseholdSinceYesterday> PrepareAsync(CityCouncil city, string database)
    {
        var yesterday = await YesterdaysReadings.WriteAsync(database, DateTimeOffset.UtcNow);
        // The decision clock runs on from an hour before that midnight, so the grant (made once the gateway is up,
        // any time within the hour) starts before it and its first window is yesterday's first hour.
        var clock = new ShiftedTimeProvider(yesterday - DateTimeOffset.UtcNow - TimeSpan.FromHours(1));
        var household = city.HouseholdConsents(database, clock);
        var catalogue = city.SignCatalogue(clock.GetUtcNow());
        Assert.Equal(CatalogueStatus.Accepted, (await household.GetRequiredService<PurposeCatalogueService>().ApplyAsync(System.Text.Encoding.UTF8.GetBytes(catalogue))).Status);
        return new HouseholdSinceYesterday(yesterday, household);
    }

    /// <summary>Grants the city's energy planning the hourly energy bought, as the panel would.</summary>
    public Task GrantHourlyEnergyAsync() => household.GetRequiredService<ConsentService>()
        .GrantAsync(CityCouncil.EnergyPurpose, DataCategories.ElectricImportEnergy, Granularity.Hour, null, null, CancellationToken.None);

    public void Dispose() => household.Dispose();
}
