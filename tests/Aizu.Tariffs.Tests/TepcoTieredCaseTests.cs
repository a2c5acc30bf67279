namespace Aizu.Tariffs.Tests;

/// <summary>
/// A hand-computed TEPCO 従量電灯B case (docs/examples/tariffs/jp-tiered.json). The prices are illustrative,
/// close to TEPCO's published ones in 2024–2025, not a statement of today's tariff:
/// 30 A basic charge 935.25 円/month; 29.80 円/kWh up to 120 kWh, 36.40 円/kWh from 120 to 300 kWh,
/// 40.49 円/kWh over 300 kWh in a calendar month; fuel-cost adjustment −2.50 円/kWh; renewable energy
/// surcharge 3.49 円/kWh; PV export 16.00 円/kWh. Aizu rounds the total down to a whole yen once, at the end.
/// The panel's browser test reproduces the day case.
/// </summary>
public sealed class TepcoTieredCaseTests
{
    private static readonly DateOnly Day = new(2025, 6, 18); // June: 30 days
    private readonly TariffCalculator calculator = Examples.Calculator(Examples.JapanTiered);

    [Fact]
    public void A_day_that_crosses_the_300_kWh_tier_is_priced_after_the_months_earlier_use()
    {
        // 295 kWh imported 1–17 June. Today: 0.5 kWh in each of the 24 hours = 12 kWh,
        // so the month goes from 295 to 307 kWh. Export: 1 kWh in each hour 10:00–13:00 = 3 kWh.
        var import = Slots.Hourly(Examples.Tokyo, Day, _ => 0.5m);
        var export = new[] { 10, 11, 12 }.Select(h => Slots.Local(Examples.Tokyo, Day, h, 0, 60, 1m)).ToArray();
        // A slot of the day before must not count.
        var yesterday = Slots.Local(Examples.Tokyo, Day.AddDays(-1), 23, 0, 60, 9m);

        var cost = calculator.CostOfDay(Day, [yesterday, .. import], export, monthImportBeforeDayKWh: 295m);

        // 第1段階:   0 kWh (the month is already past 120 kWh)
        // 第2段階:   300 − 295 = 5 kWh × 36.40 = 182.00
        // 第3段階:   12 − 5    = 7 kWh × 40.49 = 283.43
        // energy charge            182.00 + 283.43 = 465.43
        // basic charge (1 day)     935.25 ÷ 30     =  31.175
        // fuel-cost adjustment     12 × −2.50      = −30.00
        // renewable surcharge      12 × 3.49       =  41.88
        // charges   465.43 + 31.175 − 30.00 + 41.88 = 508.485 → rounded down: 508 円
        // export    3 × 16.00 = 48.00 → 48 円;  net 508 − 48 = 460 円
        Assert.Equal("JPY", cost.Currency);
        Assert.Equal(12m, cost.ImportKWh);
        Assert.Equal(3m, cost.ExportKWh);
        Assert.Equal(
            [("第1段階", 0m, 0m), ("第2段階", 5m, 182.00m), ("第3段階", 7m, 283.43m)],
            cost.EnergyCharges.Select(l => (l.Name, l.KWh, l.Amount)));
        Assert.Equal(new Bill(EnergyCharge: 465.43m, BasicCharge: 31.175m, FuelCostAdjustment: -30.00m, RenewableSurcharge: 41.88m, Charges: 508.485m,
            Total: 508m, ExportCredit: 48.00m, ExportCreditTotal: 48m, NetTotal: 460m), Bill.Of(cost));
        Assert.Equal(new DateTimeOffset(2025, 6, 17, 15, 0, 0, TimeSpan.Zero), cost.From);
        Assert.Equal(new DateTimeOffset(2025, 6, 18, 15, 0, 0, TimeSpan.Zero), cost.To);
    }

    [Fact]
    public void A_month_of_350_kWh_fills_all_three_tiers()
    {
        // 第1段階: 120 kWh × 29.80 = 3,576.00
        // 第2段階: 180 kWh × 36.40 = 6,552.00
        // 第3段階:  50 kWh × 40.49 = 2,024.50
        // energy charge                12,152.50
        // basic charge (whole month)      935.25
        // fuel-cost adjustment  350 × −2.50 = −875.00
        // renewable surcharge   350 × 3.49  = 1,221.50
        // charges 12,152.50 + 935.25 − 875.00 + 1,221.50 = 13,434.25 → 13,434 円
        var cost = calculator.CostOfMonth(Day, new EnergyUse(350m, 0m));

        Assert.Equal([120m, 180m, 50m], cost.EnergyCharges.Select(l => l.KWh));
        Assert.Equal(new Bill(EnergyCharge: 12_152.50m, BasicCharge: 935.25m, FuelCostAdjustment: -875.00m, RenewableSurcharge: 1_221.50m, Charges: 13_434.25m,
            Total: 13_434m, ExportCredit: 0m, ExportCreditTotal: 0m, NetTotal: 13_434m), Bill.Of(cost));
    }

    [Fact]
    public void The_same_month_from_hourly_slots_costs_the_same_as_from_its_total()
    {
        // 30 days of 11.6 kWh (23 hours of 0.5 kWh and one of 0.1 kWh) = 348 kWh.
        var june = Enumerable.Range(1, 30).Select(d => new DateOnly(2025, 6, d));
        var slots = june.SelectMany(d => Slots.Hourly(Examples.Tokyo, d, h => h == 0 ? 0.1m : 0.5m)).ToArray();

        var fromSlots = calculator.CostOfMonth(Day, slots, []);
        var fromTotal = calculator.CostOfMonth(Day, new EnergyUse(348m, 0m));

        Assert.Equal(348m, fromSlots.ImportKWh);
        Assert.Equal(fromTotal.EnergyCharges, fromSlots.EnergyCharges);
        Assert.Equal(fromTotal.Charges, fromSlots.Charges);
        Assert.Equal(fromTotal.Total, fromSlots.Total);
    }

    [Fact]
    public void A_months_days_add_up_to_the_month_except_for_rounding()
    {
        var june = Enumerable.Range(1, 30).Select(d => new DateOnly(2025, 6, d)).ToArray();
        var before = 0m;
        var energy = 0m;
        var basic = 0m;
        foreach (var day in june)
        {
            var kWh = 8m + (day.Day % 5);
            var cost = calculator.CostOfDay(day, new EnergyUse(kWh, 0m), before);
            before += kWh;
            energy += cost.EnergyCharge;
            basic += cost.BasicCharge;
        }

        var month = calculator.CostOfMonth(june[0], new EnergyUse(before, 0m));
        Assert.Equal(month.EnergyCharge, energy);
        Assert.Equal(935.25m, basic);
    }
}
