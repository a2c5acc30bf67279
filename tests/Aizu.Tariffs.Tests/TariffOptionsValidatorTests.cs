namespace Aizu.Tariffs.Tests;

public sealed class TariffOptionsValidatorTests
{
    private readonly TariffOptionsValidator validator = new("Aizu:Tariff");

    private static TariffOptions Tiered()
    {
        var options = new TariffOptions { Kind = TariffKind.Tiered };
        options.Tiers.Add(new TariffTierOptions { UpToKWh = 120, PricePerKWh = 29.80m });
        options.Tiers.Add(new TariffTierOptions { UpToKWh = 300, PricePerKWh = 36.40m });
        options.Tiers.Add(new TariffTierOptions { PricePerKWh = 40.49m });
        return options;
    }

    private static TariffOptions TimeOfUse()
    {
        var options = new TariffOptions { Kind = TariffKind.TimeOfUse };
        options.Periods.Add(new TariffPeriodOptions { Name = "night", Start = new(23, 0), End = new(7, 0), PricePerKWh = 28m });
        options.Periods.Add(new TariffPeriodOptions { Name = "day", Start = new(7, 0), End = new(23, 0), PricePerKWh = 36m });
        return options;
    }

    [Fact]
    public void A_three_tier_tariff_and_a_two_period_tariff_pass()
    {
        Assert.True(validator.Validate(null, Tiered()).Succeeded);
        Assert.True(validator.Validate(null, TimeOfUse()).Succeeded);
    }

    public static TheoryData<string, Func<TariffOptions>> BadSettings => new()
    {
        { "Aizu:Tariff:Kind", () => new TariffOptions() },
        { "Aizu:Tariff:Kind", () => new TariffOptions { Kind = (TariffKind)7 } },
        { "Aizu:Tariff:Currency", () => new TariffOptions { Kind = TariffKind.Flat, PricePerKWh = 1, Currency = "yen" } },
        { "Aizu:Tariff:Rounding", () => new TariffOptions { Kind = TariffKind.Flat, PricePerKWh = 1, Rounding = (CostRounding)9 } },
        { "Aizu:Tariff:PricePerKWh", () => new TariffOptions { Kind = TariffKind.Flat } },
        { "Aizu:Tariff:PricePerKWh", () => new TariffOptions { Kind = TariffKind.Flat, PricePerKWh = -0.1m } },
        { "Aizu:Tariff:BasicChargePerMonth", () => new TariffOptions { Kind = TariffKind.Flat, PricePerKWh = 1, BasicChargePerMonth = -1 } },
        { "Aizu:Tariff:RenewableSurchargePerKWh", () => new TariffOptions { Kind = TariffKind.Flat, PricePerKWh = 1, RenewableSurchargePerKWh = -1 } },
        { "Aizu:Tariff:ExportPricePerKWh", () => new TariffOptions { Kind = TariffKind.Flat, PricePerKWh = 1, ExportPricePerKWh = -1 } },
        { "Aizu:Tariff:Tiers", () => new TariffOptions { Kind = TariffKind.Tiered } },
        { "Aizu:Tariff:Tiers:1:UpToKWh", () => Spoil(Tiered(), o => o.Tiers[1].UpToKWh = 100) },
        { "Aizu:Tariff:Tiers:1:UpToKWh", () => Spoil(Tiered(), o => o.Tiers[1].UpToKWh = null) },
        { "Aizu:Tariff:Tiers:2:UpToKWh", () => Spoil(Tiered(), o => o.Tiers[2].UpToKWh = 500) },
        { "Aizu:Tariff:Tiers:0:PricePerKWh", () => Spoil(Tiered(), o => o.Tiers[0].PricePerKWh = null) },
        { "Aizu:Tariff:Tiers:2:Name", () => Spoil(Tiered(), o => { o.Tiers[1].Name = "B"; o.Tiers[2].Name = "b"; }) },
        { "Aizu:Tariff:PricePerKWh", () => Spoil(Tiered(), o => o.PricePerKWh = 30) },
        { "Aizu:Tariff:Periods", () => Spoil(Tiered(), o => o.Periods.Add(new TariffPeriodOptions())) },
        { "Aizu:Tariff:Tiers", () => Spoil(TimeOfUse(), o => o.Tiers.Add(new TariffTierOptions())) },
        { "Aizu:Tariff:Periods", () => new TariffOptions { Kind = TariffKind.TimeOfUse } },
        { "Aizu:Tariff:Periods:0:Name", () => Spoil(TimeOfUse(), o => o.Periods[0].Name = " ") },
        { "Aizu:Tariff:Periods:1:Name", () => Spoil(TimeOfUse(), o => o.Periods[1].Name = "Night") },
        { "Aizu:Tariff:Periods:1:Start", () => Spoil(TimeOfUse(), o => o.Periods[1].Start = null) },
        { "Aizu:Tariff:Periods:1:End", () => Spoil(TimeOfUse(), o => o.Periods[1].End = new(22, 50)) },
        { "Aizu:Tariff:Periods:0:Days", () => Spoil(TimeOfUse(), o => o.Periods[0].Days.Add((DayOfWeek)8)) },
        { "Aizu:Tariff:Periods:0:PricePerKWh", () => Spoil(TimeOfUse(), o => o.Periods[0].PricePerKWh = null) },
        { "Aizu:Tariff:Periods leave Tuesday 07:00–07:15", () => Spoil(TimeOfUse(), o => o.Periods[1].Days.Add(DayOfWeek.Monday)) },
        { "Aizu:Tariff:Periods leave Monday 22:45–23:00", () => Spoil(TimeOfUse(), o => o.Periods[1].End = new(22, 45)) },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_fails_naming_its_key(string key, Func<TariffOptions> options)
    {
        var result = validator.Validate(null, options());

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_fuel_cost_adjustment_is_allowed()
    {
        var options = Tiered();
        options.FuelCostAdjustmentPerKWh = -9.21m;

        Assert.True(validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Creating_a_tariff_from_bad_options_throws_with_the_same_messages()
    {
        var options = Tiered();
        options.Tiers[0].UpToKWh = 0;

        var exception = Assert.Throws<ArgumentException>(() => Tariff.FromOptions(options, Examples.TokyoCalendar));
        Assert.Contains("Aizu:Tariff:Tiers:0:UpToKWh", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnamed_tiers_are_named_after_their_bounds()
    {
        var tariff = Tariff.FromOptions(Tiered(), Examples.TokyoCalendar);

        Assert.Equal(["0–120 kWh", "120–300 kWh", "over 300 kWh"], tariff.Tiers.Select(t => t.Name));
        Assert.Equal(CostRounding.Down, tariff.Rounding);
        Assert.Equal(0, tariff.CurrencyDecimals);
        Assert.Equal("Asia/Tokyo", tariff.TimeZone.Id);
    }

    [Fact]
    public void The_tariff_charges_by_the_household_calendar_it_is_given()
    {
        var calendar = new Aizu.Household.HouseholdCalendar(TimeZoneInfo.Utc);

        Assert.Same(calendar, Tariff.FromOptions(TimeOfUse(), calendar).Calendar);
    }

    private static TariffOptions Spoil(TariffOptions options, Action<TariffOptions> spoil)
    {
        spoil(options);
        return options;
    }
}
