namespace Aizu.Panel.Tests;

public sealed class CostEndpointTests
{
    // Wednesday 4 June 2025 (a 30-day month), 12:00 in Tokyo.
    private static readonly DateTimeOffset Now = new(2025, 6, 4, 12, 0, 0, TimeSpan.FromHours(9));
    private static readonly DateTimeOffset Midnight = new(2025, 6, 4, 0, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Without_a_tariff_there_is_no_money_but_the_comparison_with_yesterday_is_there()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await SeedAsync(host);

        var cost = await GetAsync(host);

        Assert.False(cost.GetProperty("configured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("today").ValueKind);
        var comparison = cost.GetProperty("comparison");
        Assert.Equal(3.0m, comparison.GetProperty("todayKWh").GetDecimal());
        Assert.Equal(2.0m, comparison.GetProperty("yesterdayKWh").GetDecimal());
    }

    [Fact]
    public async Task With_the_tepco_tariff_today_costs_what_a_hand_computation_gives()
    {
        var options = new TariffOptions { Currency = "JPY", Kind = TariffKind.Tiered, BasicChargePerMonth = 935.25m, FuelCostAdjustmentPerKWh = -2.50m, RenewableSurchargePerKWh = 3.49m };
        options.Tiers.Add(new TariffTierOptions { Name = "第1段階", UpToKWh = 120, PricePerKWh = 29.80m });
        options.Tiers.Add(new TariffTierOptions { Name = "第2段階", UpToKWh = 300, PricePerKWh = 36.40m });
        options.Tiers.Add(new TariffTierOptions { Name = "第3段階", PricePerKWh = 40.49m });
        var tariff = Tariff.FromOptions(options, PanelHost.Calendar);
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now), services: s =>
        {
            s.AddSingleton(tariff);
            s.AddSingleton<TariffCalculator>();
            s.AddSingleton<DayForecaster>();
        });
        await SeedAsync(host);

        var cost = await GetAsync(host);

        // 3 kWh today, 2 kWh before today this month, all in the first tier:
        //   3 × 29.80 = 89.40; fuel 3 × −2.50 = −7.50; renewable 3 × 3.49 = 10.47; basic 935.25 ÷ 30 = 31.175
        //   = 123.545, rounded down to 123 yen.
        Assert.True(cost.GetProperty("configured").GetBoolean());
        Assert.Equal(123m, cost.GetProperty("today").GetProperty("net").GetDecimal());
        Assert.Equal(3m, cost.GetProperty("today").GetProperty("importKWh").GetDecimal());
        Assert.True(cost.GetProperty("forecast").GetProperty("importKWh").GetDecimal() >= 3m);
    }

    // Yesterday 2 kWh (before noon), today 3 kWh since midnight.
    private static Task SeedAsync(PanelHost host) => host.Store.AppendAsync(
    [
        new(SeriesNames.ElectricImportEnergy, Midnight.AddDays(-1), 100.0, Units.KilowattHour),
        new(SeriesNames.ElectricImportEnergy, Midnight.AddDays(-1).AddHours(6), 102.0, Units.KilowattHour),
        new(SeriesNames.ElectricImportEnergy, Midnight, 102.0, Units.KilowattHour),
        new(SeriesNames.ElectricImportEnergy, Midnight.AddHours(6), 105.0, Units.KilowattHour),
    ], CancellationToken.None);

    private static async Task<JsonElement> GetAsync(PanelHost host)
    {
        using var response = await host.Client.GetAsync("/api/today/cost");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
