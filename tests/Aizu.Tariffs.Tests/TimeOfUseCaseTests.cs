namespace Aizu.Tariffs.Tests;

/// <summary>
/// A hand-computed time-of-use case (docs/examples/tariffs/jp-time-of-use.json; illustrative prices):
/// night 23:00–07:00 every day 28.85 円/kWh, peak 13:00–16:00 Monday–Friday 45.00 円/kWh, day (all other
/// times) 36.00 円/kWh; basic 935.25 円/month, fuel-cost adjustment −2.50, renewable surcharge 3.49 円/kWh.
/// </summary>
public sealed class TimeOfUseCaseTests
{
    private static readonly DateOnly Friday = new(2025, 6, 20);
    private readonly TariffCalculator calculator = Examples.Calculator(Examples.JapanTimeOfUse);

    [Fact]
    public void A_friday_is_priced_by_the_period_of_each_slots_start()
    {
        EnergySlot[] import =
        [
            // 02:00 JST is 17:00 UTC the day before: slots may come in any offset.
            new(new DateTimeOffset(2025, 6, 19, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 19, 17, 30, 0, TimeSpan.Zero), 2.0m),
            Slots.Local(Examples.Tokyo, Friday, 6, 30, 30, 1.0m),   // night
            Slots.Local(Examples.Tokyo, Friday, 7, 0, 30, 0.8m),    // day (night ends at 07:00)
            Slots.Local(Examples.Tokyo, Friday, 13, 0, 30, 1.2m),   // peak
            Slots.Local(Examples.Tokyo, Friday, 15, 30, 30, 0.6m),  // peak
            Slots.Local(Examples.Tokyo, Friday, 16, 0, 30, 0.4m),   // day (peak ends at 16:00)
            Slots.Local(Examples.Tokyo, Friday, 23, 0, 30, 1.5m),   // night
        ];

        var cost = calculator.CostOfDay(Friday, import, [], monthImportBeforeDayKWh: 0m);

        // night 2.0 + 1.0 + 1.5 = 4.5 kWh × 28.85 = 129.825
        // peak  1.2 + 0.6       = 1.8 kWh × 45.00 =  81.00
        // day   0.8 + 0.4       = 1.2 kWh × 36.00 =  43.20
        // energy charge                            254.025
        // basic charge   935.25 ÷ 30              =  31.175
        // fuel           7.5 × −2.50              = −18.75
        // renewable      7.5 × 3.49               =  26.175
        // charges 254.025 + 31.175 − 18.75 + 26.175 = 292.625 → 292 円
        Assert.Equal(
            [("night", 4.5m, 129.825m), ("peak", 1.8m, 81.00m), ("day", 1.2m, 43.20m)],
            cost.EnergyCharges.Select(l => (l.Name, l.KWh, l.Amount)));
        Assert.Equal(7.5m, cost.ImportKWh);
        Assert.Equal(new Bill(EnergyCharge: 254.025m, BasicCharge: 31.175m, FuelCostAdjustment: -18.75m, RenewableSurcharge: 26.175m, Charges: 292.625m,
            Total: 292m, ExportCredit: 0m, ExportCreditTotal: 0m, NetTotal: 292m), Bill.Of(cost));
    }

    [Fact]
    public void Peak_does_not_apply_on_a_saturday()
    {
        var saturday = Friday.AddDays(1);
        var cost = calculator.CostOfDay(saturday, [Slots.Local(Examples.Tokyo, saturday, 13, 0, 30, 1m)], [], 0m);

        Assert.Equal(1m, cost.EnergyCharges.Single(l => l.Name == "day").KWh);
        Assert.Equal(0m, cost.EnergyCharges.Single(l => l.Name == "peak").KWh);
    }

    [Fact]
    public void Per_period_totals_from_the_store_price_the_same_as_slots()
    {
        var byPeriod = new Dictionary<string, decimal> { ["night"] = 4.5m, ["peak"] = 1.8m, ["day"] = 1.2m };

        var cost = calculator.CostOfDay(Friday, new EnergyUse(0m, 0m, byPeriod), 0m);

        Assert.Equal(7.5m, cost.ImportKWh);
        Assert.Equal(292.625m, cost.Charges);
    }

    [Fact]
    public void Totals_without_periods_or_with_an_unknown_period_are_refused()
    {
        Assert.Throws<ArgumentException>(() => calculator.CostOfDay(Friday, new EnergyUse(1m, 0m), 0m));
        Assert.Throws<ArgumentException>(() => calculator.CostOfDay(
            Friday, new EnergyUse(1m, 0m, new Dictionary<string, decimal> { ["evening"] = 1m }), 0m));
    }

    [Fact]
    public void The_period_at_an_instant_follows_the_households_clock()
    {
        var tariff = calculator.Tariff;

        Assert.Equal("night", tariff.PeriodAt(new DateTimeOffset(2025, 6, 20, 14, 30, 0, TimeSpan.Zero))!.Name); // 23:30 JST
        Assert.Equal("day", tariff.PeriodAt(new DateTimeOffset(2025, 6, 20, 22, 0, 0, TimeSpan.Zero))!.Name);   // Saturday 07:00 JST
        Assert.Equal("peak", tariff.PeriodAt(Slots.At(Examples.Tokyo, 2025, 6, 20, 15, 59))!.Name);
        Assert.Equal("night", tariff.PeriodAt(Slots.At(Examples.Tokyo, 2025, 6, 20, 6, 59))!.Name);
    }
}
