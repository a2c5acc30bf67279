namespace Aizu.Tariffs.Tests;

public sealed class CostPropertyTests
{
    private static readonly DateOnly Day = new(2025, 6, 18);

    // kWh with three decimals (watt-hours) in [0, 1000).
    private static readonly Gen<decimal> Energy = Gen.Int[0, 999_999].Select(wh => wh / 1000m);

    // Prices with two decimals in [0, 60].
    private static readonly Gen<decimal> Price = Gen.Int[0, 6_000].Select(c => c / 100m);

    /// <summary>Tiered tariffs of one to four tiers whose every per-kWh price (with adjustments) is at least 0.</summary>
    private static readonly Gen<Tariff> TieredTariff =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 400].Array[3], Price.Array[4], Gen.Int[0, 500], Gen.Int[0, 500], Gen.Int[0, 100_000])
            .Select((count, widths, prices, fuelCents, renewableCents, basicCents) =>
            {
                var options = new TariffOptions { Kind = TariffKind.Tiered };
                decimal bound = 0;
                for (var i = 0; i < count; i++)
                {
                    bound += widths[Math.Min(i, 2)];
                    options.Tiers.Add(new TariffTierOptions { UpToKWh = i < count - 1 ? bound : null, PricePerKWh = prices[i] });
                }

                var cheapest = prices.Take(count).Min();
                options.FuelCostAdjustmentPerKWh = Math.Max(-cheapest, (fuelCents - 250) / 100m); // may be negative, never below −cheapest
                options.RenewableSurchargePerKWh = renewableCents / 100m;
                options.BasicChargePerMonth = basicCents / 100m;
                return Tariff.FromOptions(options, Examples.TokyoCalendar);
            });

    [Fact]
    public void More_energy_never_costs_less() =>
        Gen.Select(TieredTariff, Energy, Energy, Energy).Sample((tariff, before, a, b) =>
        {
            var calculator = new TariffCalculator(tariff);
            var (less, more) = a <= b ? (a, b) : (b, a);

            var lower = calculator.CostOfDay(Day, new EnergyUse(less, 0m), before);
            var higher = calculator.CostOfDay(Day, new EnergyUse(more, 0m), before);

            Assert.True(higher.Charges >= lower.Charges, $"{more} kWh cost {higher.Charges}, {less} kWh cost {lower.Charges}");
            Assert.True(higher.Total >= lower.Total);
        });

    [Fact]
    public void The_energy_charge_is_continuous_across_tier_boundaries() =>
        Gen.Select(TieredTariff, Gen.Int[1, 999].Select(wh => wh / 1000m)).Sample((tariff, delta) =>
        {
            var calculator = new TariffCalculator(tariff);
            var dearest = tariff.Tiers.Max(t => t.PricePerKWh);
            foreach (var bound in tariff.Tiers.Where(t => t.UpToKWh is not null).Select(t => t.UpToKWh!.Value))
            {
                var below = calculator.CostOfMonth(Day, new EnergyUse(bound - delta, 0m)).EnergyCharge;
                var at = calculator.CostOfMonth(Day, new EnergyUse(bound, 0m)).EnergyCharge;
                var above = calculator.CostOfMonth(Day, new EnergyUse(bound + delta, 0m)).EnergyCharge;

                // No jump at the boundary: each step of delta kWh costs at most delta × the dearest price.
                Assert.InRange(at - below, 0m, delta * dearest);
                Assert.InRange(above - at, 0m, delta * dearest);
            }
        });

    [Fact]
    public void Energy_charges_of_consecutive_days_add_up_to_the_months() =>
        Gen.Select(TieredTariff, Energy.Array[1, 31]).Sample((tariff, days) =>
        {
            var calculator = new TariffCalculator(tariff);
            decimal before = 0, sum = 0;
            foreach (var kWh in days)
            {
                sum += calculator.CostOfDay(Day, new EnergyUse(kWh, 0m), before).EnergyCharge;
                before += kWh;
            }

            Assert.Equal(calculator.CostOfMonth(Day, new EnergyUse(before, 0m)).EnergyCharge, sum);
        });

    [Fact]
    public void Splitting_slots_finer_does_not_change_a_tiered_cost() =>
        Gen.Select(TieredTariff, Energy.Array[1, 24], Energy).Sample((tariff, hours, before) =>
        {
            var calculator = new TariffCalculator(tariff);
            var start = tariff.StartOfDay(Day);
            var hourly = hours.Select((kWh, h) => new EnergySlot(start.AddHours(h), start.AddHours(h + 1), kWh)).ToArray();
            var halves = hourly.SelectMany(s => new[]
            {
                new EnergySlot(s.Start, s.Start.AddMinutes(30), s.KWh / 2),
                new EnergySlot(s.Start.AddMinutes(30), s.End, s.KWh / 2),
            }).ToArray();

            Assert.Equal(
                calculator.CostOfDay(Day, hourly, [], before).Charges,
                calculator.CostOfDay(Day, halves, [], before).Charges);
        });

    [Fact]
    public void Each_tier_line_holds_at_most_the_tiers_width_and_the_lines_hold_all_the_energy() =>
        Gen.Select(TieredTariff, Energy, Energy).Sample((tariff, before, kWh) =>
        {
            var lines = new TariffCalculator(tariff).EnergyCharges(new EnergyUse(kWh, 0m), before);

            Assert.Equal(kWh, lines.Sum(l => l.KWh));
            foreach (var (line, tier) in lines.Zip(tariff.Tiers))
            {
                Assert.InRange(line.KWh, 0m, (tier.UpToKWh ?? decimal.MaxValue) - tier.FromKWh);
            }
        });

    [Fact]
    public void Time_of_use_energy_charges_lie_between_the_cheapest_and_dearest_period() =>
        Gen.Select(Gen.Int[0, 95].Select(q => q * 15), Energy.Array[1, 96]).Sample((offsetMinutes, quarters) =>
        {
            var calculator = Examples.Calculator(Examples.JapanTimeOfUse);
            var start = calculator.Tariff.StartOfDay(Day).AddMinutes(offsetMinutes);
            var slots = quarters.Select((kWh, q) => new EnergySlot(start.AddMinutes(15 * q), start.AddMinutes(15 * (q + 1)), kWh)).ToArray();
            var inDay = slots.Where(s => s.Start < calculator.Tariff.StartOfDay(Day.AddDays(1))).Sum(s => s.KWh);

            var cost = calculator.CostOfDay(Day, slots, [], 0m);

            Assert.Equal(inDay, cost.ImportKWh);
            Assert.Equal(inDay, cost.EnergyCharges.Sum(l => l.KWh));
            Assert.InRange(cost.EnergyCharge, inDay * 28.85m, inDay * 45.00m);
        });

    [Fact]
    public void Rounding_moves_a_total_by_less_than_one_unit_and_down_never_rounds_up() =>
        Gen.Select(TieredTariff, Energy, Energy).Sample((tariff, kWh, exported) =>
        {
            var cost = new TariffCalculator(tariff).CostOfDay(Day, new EnergyUse(kWh, exported), 0m);

            Assert.InRange(cost.Charges - cost.Total, 0m, 0.999999m);
            Assert.Equal(decimal.Truncate(cost.Total), cost.Total);
            Assert.Equal(cost.Total - cost.ExportCreditTotal, cost.NetTotal);
        });

    [Fact]
    public void Export_credit_is_proportional_to_export_and_does_not_touch_the_charges() =>
        Gen.Select(Energy, Energy).Sample((kWh, exported) =>
        {
            var calculator = Examples.Calculator(Examples.EuropeFlat);

            var without = calculator.CostOfDay(Day, new EnergyUse(kWh, 0m), 0m);
            var with = calculator.CostOfDay(Day, new EnergyUse(kWh, exported), 0m);

            Assert.Equal(without.Charges, with.Charges);
            Assert.Equal(exported * 0.07m, with.ExportCredit);
            Assert.True(with.NetTotal <= without.NetTotal);
        });
}
