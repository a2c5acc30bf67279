namespace Aizu.Tariffs.Tests;

/// <summary>
/// A hand-computed flat tariff with PV export in euros (docs/examples/tariffs/eu-flat-export.json;
/// illustrative prices): 0.25 €/kWh all in, 6.00 €/month standing charge, 0.07 €/kWh for export. Totals are
/// rounded to the nearest cent (the default outside JPY).
/// </summary>
public sealed class FlatEuroCaseTests
{
    private static readonly DateOnly Day = new(2025, 7, 15); // July: 31 days, CEST (UTC+2)
    private readonly TariffCalculator calculator = Examples.Calculator(Examples.EuropeFlat);

    [Fact]
    public void A_sunny_day_earns_more_than_the_energy_costs_but_the_standing_charge_remains()
    {
        // Import 0.1 kWh in each quarter hour 00:00–12:00 (48 slots = 4.8 kWh) and 0.2 kWh in each of the
        // 24 quarter hours 18:00–24:00 (4.8 kWh): 9.6 kWh. Export 0.95 kWh in each quarter hour 10:00–13:45
        // (15 slots): 14.25 kWh.
        var import = Enumerable.Range(0, 48).Select(q => Slots.Local(Examples.Amsterdam, Day, q / 4, q % 4 * 15, 15, 0.1m))
            .Concat(Enumerable.Range(72, 24).Select(q => Slots.Local(Examples.Amsterdam, Day, q / 4, q % 4 * 15, 15, 0.2m)))
            .ToArray();
        var export = Enumerable.Range(40, 15).Select(q => Slots.Local(Examples.Amsterdam, Day, q / 4, q % 4 * 15, 15, 0.95m)).ToArray();

        var cost = calculator.CostOfDay(Day, import, export, monthImportBeforeDayKWh: 123m);

        // energy      9.6 × 0.25           = 2.40
        // standing    6.00 ÷ 31            = 0.193548…
        // charges     2.593548…            → 2.59 €
        // export      14.25 × 0.07         = 0.9975 → 1.00 €
        // net         2.59 − 1.00          = 1.59 €
        Assert.Equal("EUR", cost.Currency);
        Assert.Equal(9.6m, cost.ImportKWh);
        Assert.Equal(14.25m, cost.ExportKWh);
        Assert.Equal([(Tariff.FlatLineName, 9.6m, 0.25m, 2.40m)], cost.EnergyCharges.Select(l => (l.Name, l.KWh, l.PricePerKWh, l.Amount)));
        Assert.Equal(new Bill(EnergyCharge: 2.40m, BasicCharge: 6.00m / 31, FuelCostAdjustment: 0m, RenewableSurcharge: 0m, Charges: 2.40m + (6.00m / 31),
            Total: 2.59m, ExportCredit: 0.9975m, ExportCreditTotal: 1.00m, NetTotal: 1.59m), Bill.Of(cost));
    }

    [Fact]
    public void Net_can_be_negative_when_export_earns_more_than_the_bill()
    {
        var cost = calculator.CostOfDay(Day, new EnergyUse(1m, 40m), 0m);

        // 0.25 + 0.193548… = 0.44 €; 40 × 0.07 = 2.80 €; net −2.36 €
        Assert.Equal(0.44m, cost.Total);
        Assert.Equal(2.80m, cost.ExportCreditTotal);
        Assert.Equal(-2.36m, cost.NetTotal);
    }

    [Fact]
    public void The_tariff_reads_its_currency_and_rounding_from_the_example()
    {
        var tariff = calculator.Tariff;

        Assert.Equal(2, tariff.CurrencyDecimals);
        Assert.Equal(CostRounding.Nearest, tariff.Rounding);
        Assert.Equal("Europe/Amsterdam", tariff.TimeZone.Id);
        Assert.Equal(0.25m, tariff.FlatPricePerKWh);
    }
}
