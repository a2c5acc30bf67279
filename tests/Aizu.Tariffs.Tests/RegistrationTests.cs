namespace Aizu.Tariffs.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void The_japanese_tiered_example_binds_to_the_tepco_tariff()
    {
        var tariff = Examples.Load(Examples.JapanTiered);

        Assert.Equal(TariffKind.Tiered, tariff.Kind);
        Assert.Equal("JPY", tariff.Currency);
        Assert.Equal("Asia/Tokyo", tariff.TimeZone.Id);
        Assert.Equal(
            [new PriceTier("第1段階", 0m, 120m, 29.80m), new PriceTier("第2段階", 120m, 300m, 36.40m), new PriceTier("第3段階", 300m, null, 40.49m)],
            tariff.Tiers);
        Assert.Equal(935.25m, tariff.BasicChargePerMonth);
        Assert.Equal(-2.50m, tariff.FuelCostAdjustmentPerKWh);
        Assert.Equal(3.49m, tariff.RenewableSurchargePerKWh);
        Assert.Equal(16.00m, tariff.ExportPricePerKWh);
    }

    [Fact]
    public void The_time_of_use_example_binds_its_periods_and_weekdays()
    {
        var tariff = Examples.Load(Examples.JapanTimeOfUse);

        Assert.Equal(["night", "peak", "day"], tariff.Periods.Select(p => p.Name));
        var peak = tariff.Periods[1];
        Assert.Equal(new TimeOnly(13, 0), peak.Start);
        Assert.Equal(new TimeOnly(16, 0), peak.End);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], peak.Days!.Order());
        Assert.Null(tariff.Periods[0].Days);
    }

    [Fact]
    public void The_calculator_and_forecaster_use_the_registered_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 18, 3, 0, 0, TimeSpan.Zero)); // 12:00 JST
        using var provider = Examples.Services(Examples.JapanTiered)
            .AddSingleton<TimeProvider>(clock)
            .BuildServiceProvider();

        var forecast = provider.GetRequiredService<DayForecaster>().Forecast([], [], 0m, null);

        Assert.Same(provider.GetRequiredService<Tariff>(), provider.GetRequiredService<TariffCalculator>().Tariff);
        Assert.Equal(new DateOnly(2025, 6, 18), forecast.Day);
        Assert.Equal(clock.GetUtcNow(), forecast.At);
    }

    [Fact]
    public async Task A_bad_tariff_stops_the_host_at_start_naming_the_key()
    {
        var exception = await RegisteredComponent.StartUpRefusalAsync(
            new Dictionary<string, string?>
            {
                ["Aizu:Tariff:Kind"] = "Tiered",
                ["Aizu:Tariff:Tiers:0:UpToKWh"] = "120",
                ["Aizu:Tariff:Tiers:0:PricePerKWh"] = "29.80",
                ["Aizu:Tariff:Tiers:1:UpToKWh"] = "100",
                ["Aizu:Tariff:Tiers:1:PricePerKWh"] = "36.40",
                ["Aizu:Tariff:Tiers:2:PricePerKWh"] = "40.49",
            },
            "Aizu:Tariff",
            (services, section) => services.AddAizuTariffs(section));

        Assert.Contains("Aizu:Tariff:Tiers:1:UpToKWh", exception.Message, StringComparison.Ordinal);
    }
}
