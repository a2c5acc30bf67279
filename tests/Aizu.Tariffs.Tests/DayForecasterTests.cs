namespace Aizu.Tariffs.Tests;

public sealed class DayForecasterTests
{
    private static readonly DateOnly Today = new(2025, 6, 18);
    private static readonly DateOnly Yesterday = Today.AddDays(-1);
    private readonly FakeTimeProvider clock = new();
    private readonly TariffCalculator calculator = Examples.Calculator(Examples.JapanTiered);

    private DayForecaster Forecaster => new(calculator, clock);

    private static DateTimeOffset TodayAt(int hour, int minute = 0) => Slots.At(Examples.Tokyo, 2025, 6, 18, hour, minute);

    [Fact]
    public void With_a_profile_the_rest_of_the_day_follows_its_curve()
    {
        // Yesterday: 1 kWh every hour (24 kWh). Today until 12:00: 0.5 kWh every hour (6 kWh).
        var profile = new DayProfile(Yesterday, Slots.Hourly(Examples.Tokyo, Yesterday, _ => 1m), []);
        var today = Slots.Hourly(Examples.Tokyo, Today, _ => 0.5m).Take(12).ToArray();

        var forecast = Forecaster.Forecast(TodayAt(12), today, [], 295m, profile);

        // 6 kWh so far + yesterday's 12:00–24:00 (12 kWh) = 18 kWh.
        Assert.Equal(ForecastMethod.Profile, forecast.ImportMethod);
        Assert.Equal(6m, forecast.ImportSoFarKWh);
        Assert.Equal(18m, forecast.ImportKWh);
        Assert.Equal(12, forecast.RemainingImport.Count);
        Assert.Equal(TodayAt(12), forecast.RemainingImport[0].Start);
        // Priced with the tiers after 295 kWh: 5 kWh × 36.40 + 13 kWh × 40.49.
        Assert.Equal([0m, 5m, 13m], forecast.Cost.EnergyCharges.Select(l => l.KWh));
        Assert.Equal(calculator.CostOfDay(Today, new EnergyUse(18m, 0m), 295m).Charges, forecast.Cost.Charges);
        Assert.Equal(calculator.CostOfDay(Today, new EnergyUse(6m, 0m), 295m).Charges, forecast.CostSoFar.Charges);
    }

    [Fact]
    public void The_profile_slot_holding_now_counts_for_its_remaining_part()
    {
        var profile = new DayProfile(Yesterday, Slots.Hourly(Examples.Tokyo, Yesterday, h => h == 12 ? 2m : 1m), []);

        var forecast = Forecaster.Forecast(TodayAt(12, 45), [], [], 0m, profile);

        // A quarter of 12:00–13:00's 2 kWh (0.5) + 11 hours of 1 kWh.
        Assert.Equal(11.5m, forecast.ImportKWh);
        Assert.Equal(new EnergySlot(TodayAt(12, 45), TodayAt(13), 0.5m), forecast.RemainingImport[0]);
    }

    [Fact]
    public void Small_gaps_in_the_profile_are_scaled_over_and_large_ones_make_it_unusable()
    {
        // From 14:00, 10 hours remain. Missing one hour (10 %): 9 kWh over 9 of 10 hours → scaled to 10 kWh.
        var nearlyComplete = Slots.Hourly(Examples.Tokyo, Yesterday, _ => 1m).Where((_, h) => h != 20).ToArray();
        var scaled = Forecaster.Forecast(TodayAt(14), [], [], 0m, new DayProfile(Yesterday, nearlyComplete, []));
        Assert.Equal(ForecastMethod.Profile, scaled.ImportMethod);
        Assert.Equal(10m, scaled.ImportKWh);

        // Missing two of ten hours: not enough; linear extrapolation of today's 0 kWh instead.
        var gappy = nearlyComplete.Where((_, h) => h != 21).ToArray();
        var fallback = Forecaster.Forecast(TodayAt(14), [], [], 0m, new DayProfile(Yesterday, gappy, []));
        Assert.Equal(ForecastMethod.Linear, fallback.ImportMethod);
    }

    [Fact]
    public void Without_a_profile_the_days_average_rate_continues()
    {
        // 3 kWh by 06:00: 0.5 kWh/h → 12 kWh for the day.
        var today = Slots.Hourly(Examples.Tokyo, Today, _ => 0.5m).Take(6).ToArray();

        var forecast = Forecaster.Forecast(TodayAt(6), today, [], 0m, null);

        Assert.Equal(ForecastMethod.Linear, forecast.ImportMethod);
        Assert.Equal(12m, forecast.ImportKWh);
        Assert.Equal(72, forecast.RemainingImport.Count); // quarter hours 06:00–24:00
        Assert.Equal(TodayAt(0).AddDays(1), forecast.RemainingImport[^1].End);
    }

    [Fact]
    public void Early_in_the_day_without_a_profile_nothing_is_projected()
    {
        var today = new[] { Slots.Local(Examples.Tokyo, Today, 0, 0, 15, 0.2m) };

        var forecast = Forecaster.Forecast(TodayAt(0, 40), today, [], 0m, null);

        Assert.Equal(ForecastMethod.SoFar, forecast.ImportMethod);
        Assert.Equal(0.2m, forecast.ImportKWh);
        Assert.Empty(forecast.RemainingImport);
        Assert.Equal(forecast.CostSoFar, forecast.Cost with { EnergyCharges = forecast.CostSoFar.EnergyCharges });
    }

    [Fact]
    public void Export_is_projected_only_from_a_profile()
    {
        var pv = new[] { 9, 10, 11, 12, 13, 14 }.Select(h => Slots.Local(Examples.Tokyo, Yesterday, h, 0, 60, 1.5m)).ToArray();
        var exportToday = new[] { Slots.Local(Examples.Tokyo, Today, 9, 0, 60, 1m) };

        var withoutProfile = Forecaster.Forecast(TodayAt(11), [], exportToday, 0m, null);
        var withProfile = Forecaster.Forecast(TodayAt(11), [], exportToday, 0m, new DayProfile(Yesterday, [], pv));

        Assert.Equal(ForecastMethod.SoFar, withoutProfile.ExportMethod);
        Assert.Equal(1m, withoutProfile.ExportKWh);
        // The profile covers only the sunny hours of the rest of the day, so it is not "nearly complete"…
        // …unless the empty hours are reported as slots of 0 kWh, as the store's rollups do.
        var pvWithNights = Slots.Hourly(Examples.Tokyo, Yesterday, h => h is >= 9 and <= 14 ? 1.5m : 0m);
        var full = Forecaster.Forecast(TodayAt(11), [], exportToday, 0m, new DayProfile(Yesterday, [], pvWithNights));
        Assert.Equal(ForecastMethod.SoFar, withProfile.ExportMethod);
        Assert.Equal(ForecastMethod.Profile, full.ExportMethod);
        Assert.Equal(1m + (4 * 1.5m), full.ExportKWh); // 11:00–15:00
        Assert.Equal(full.ExportKWh * 16.00m, full.Cost.ExportCredit);
    }

    [Fact]
    public void Without_an_explicit_time_now_comes_from_the_time_provider()
    {
        clock.SetUtcNow(TodayAt(18));
        var today = Slots.Hourly(Examples.Tokyo, Today, _ => 1m);

        var forecast = Forecaster.Forecast(today, [], 0m, null);

        // Slots after "now" are not energy so far.
        Assert.Equal(18m, forecast.ImportSoFarKWh);
        Assert.Equal(24m, forecast.ImportKWh);
        Assert.Equal(Today, forecast.Day);
    }

    [Fact]
    public void On_a_23_hour_day_the_profile_is_laid_on_by_clock_time()
    {
        // Amsterdam skipped 02:00–03:00 on 2025-03-30; yesterday had 24 hourly slots.
        var calculatorEu = Examples.Calculator(Examples.EuropeFlat);
        var sunday = new DateOnly(2025, 3, 30);
        var saturday = sunday.AddDays(-1);
        var profile = new DayProfile(saturday, Slots.Hourly(Examples.Amsterdam, saturday, h => h), []);
        var now = Slots.At(Examples.Amsterdam, 2025, 3, 30, 1);

        var forecast = new DayForecaster(calculatorEu, clock).Forecast(now, [], [], 0m, profile);

        // Hours 1…23 of the profile land on today's clock hours; 02:00 lands on 03:00 (the first instant
        // after the gap) beside 03:00's own slot, so both count: 1 + 2 + … + 23 = 276 kWh.
        Assert.Equal(ForecastMethod.Profile, forecast.ImportMethod);
        Assert.Equal(276m, forecast.ImportKWh);
    }
}
