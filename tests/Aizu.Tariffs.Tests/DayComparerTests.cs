namespace Aizu.Tariffs.Tests;

public sealed class DayComparerTests
{
    private static readonly DateOnly Today = new(2025, 6, 18); // a Wednesday

    [Fact]
    public void Today_is_compared_with_yesterday_and_last_week_up_to_the_same_clock_time()
    {
        // Hourly slots for eight days: day d has (d + 1) kWh per hour, d = 0 for seven days ago.
        var slots = Enumerable.Range(0, 8)
            .SelectMany(d => Slots.Hourly(Examples.Tokyo, Today.AddDays(d - 7), _ => d + 1))
            .ToArray();
        var now = Slots.At(Examples.Tokyo, 2025, 6, 18, 10, 30);

        var comparison = DayComparer.Compare(slots, now, Examples.TokyoCalendar);

        // Up to 10:30: ten whole hours and half of 10:00–11:00 = 10.5 hours.
        // Today is not cut at 10:30 (its 10:00 slot is what was counted so far); earlier days are.
        Assert.Equal(Today, comparison.Today);
        Assert.Equal(new TimeOnly(10, 30), comparison.UpTo);
        Assert.Equal(11 * 8m, comparison.TodayKWh);
        Assert.Equal(Today.AddDays(-1), comparison.Yesterday);
        Assert.Equal(10.5m * 7, comparison.YesterdayKWh);
        Assert.Equal(Today.AddDays(-7), comparison.SameWeekdayLastWeek);
        Assert.Equal(10.5m * 1, comparison.SameWeekdayLastWeekKWh);
    }

    [Fact]
    public void A_day_without_data_has_no_figure()
    {
        var slots = Slots.Hourly(Examples.Tokyo, Today, _ => 1m);

        var comparison = DayComparer.Compare(slots, Slots.At(Examples.Tokyo, 2025, 6, 18, 12), Examples.TokyoCalendar);

        Assert.Equal(12m, comparison.TodayKWh);
        Assert.Null(comparison.YesterdayKWh);
        Assert.Null(comparison.SameWeekdayLastWeekKWh);
    }

    [Fact]
    public void At_midnight_a_day_with_data_compares_as_zero_so_far()
    {
        var slots = Enumerable.Range(0, 8).SelectMany(d =>
            Enumerable.Range(0, 96).Select(q => Slots.Local(Examples.Tokyo, Today.AddDays(d - 7), q / 4, q % 4 * 15, 15, 0.25m))).ToArray();
        var midnight = Slots.At(Examples.Tokyo, 2025, 6, 18, 0, 0);

        var comparison = DayComparer.Compare(slots.Where(s => s.Start < midnight), midnight, Examples.TokyoCalendar);

        Assert.Equal(0m, comparison.TodayKWh);
        Assert.Equal(0m, comparison.YesterdayKWh);
        Assert.Equal(0m, comparison.SameWeekdayLastWeekKWh);
    }

    [Fact]
    public void Identical_days_compare_equal_at_any_time() =>
        Gen.Select(Gen.Int[0, 1_439], Gen.Int[0, 5_000].Select(wh => wh / 1000m).Array[96]).Sample((minute, curve) =>
        {
            var slots = Enumerable.Range(0, 8).SelectMany(d =>
                curve.Select((kWh, q) => Slots.Local(Examples.Tokyo, Today.AddDays(d - 7), q / 4, q % 4 * 15, 15, kWh))).ToArray();
            var now = Slots.At(Examples.Tokyo, 2025, 6, 18, minute / 60, minute % 60);
            // Today's slot holding "now" was only counted up to now: cut it like the earlier days are.
            var todayCut = slots.Where(s => s.Start < now).Select(s => s.End > now ? new EnergySlot(s.Start, now, s.KWhWithin(s.Start, now)) : s);

            var comparison = DayComparer.Compare(todayCut, now, Examples.TokyoCalendar);

            Assert.Equal(comparison.TodayKWh, comparison.YesterdayKWh);
            Assert.Equal(comparison.TodayKWh, comparison.SameWeekdayLastWeekKWh);
        });
}
