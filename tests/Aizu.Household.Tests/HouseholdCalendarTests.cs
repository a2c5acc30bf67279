namespace Aizu.Household.Tests;

public sealed class HouseholdCalendarTests
{
    private static readonly HouseholdCalendar Tokyo = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
    private static readonly HouseholdCalendar Amsterdam = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

    [Fact]
    public void A_japanese_day_and_month_start_at_15_00_utc_the_day_before()
    {
        Assert.Equal(new DateTimeOffset(2025, 6, 17, 15, 0, 0, TimeSpan.Zero), Tokyo.StartOfDay(new DateOnly(2025, 6, 18)));
        Assert.Equal(new DateTimeOffset(2025, 6, 18, 15, 0, 0, TimeSpan.Zero), Tokyo.EndOfDay(new DateOnly(2025, 6, 18)));
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 15, 0, 0, TimeSpan.Zero), Tokyo.StartOfMonth(new DateOnly(2025, 6, 18)));
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 15, 0, 0, TimeSpan.Zero), Tokyo.EndOfMonth(new DateOnly(2025, 6, 18)));
        Assert.Equal(TimeSpan.FromHours(9), Tokyo.StartOfDay(new DateOnly(2025, 6, 18)).Offset);
    }

    [Fact]
    public void The_last_sundays_of_march_and_october_have_23_and_25_hours()
    {
        var march = new DateOnly(2025, 3, 30);
        var october = new DateOnly(2025, 10, 26);

        Assert.Equal(new DateTimeOffset(2025, 3, 29, 23, 0, 0, TimeSpan.Zero), Amsterdam.StartOfDay(march));
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 22, 0, 0, TimeSpan.Zero), Amsterdam.EndOfDay(march));
        Assert.Equal(new DateTimeOffset(2025, 10, 25, 22, 0, 0, TimeSpan.Zero), Amsterdam.StartOfDay(october));
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 23, 0, 0, TimeSpan.Zero), Amsterdam.EndOfDay(october));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(2, 30)]
    [InlineData(2, 59)]
    public void A_time_the_clocks_skip_means_the_first_instant_after_the_gap(int hour, int minute)
    {
        var instant = Amsterdam.ToInstant(new DateTime(2025, 3, 30, hour, minute, 0));

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(new DateTime(2025, 3, 30, 3, 0, 0), instant.DateTime);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Fact]
    public void A_time_the_clocks_show_twice_means_its_first_occurrence()
    {
        var instant = Amsterdam.ToInstant(new DateTime(2025, 10, 26, 2, 30, 0));

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.FromHours(2), instant.Offset);
    }

    [Fact]
    public void Where_midnight_is_skipped_the_day_starts_when_the_clocks_resume()
    {
        // Chile moved its clocks from 00:00 to 01:00 on 2024-09-08.
        var santiago = new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));

        Assert.Equal(new DateTimeOffset(2024, 9, 8, 1, 0, 0, TimeSpan.FromHours(-3)), santiago.StartOfDay(new DateOnly(2024, 9, 8)));
        Assert.Equal(new DateOnly(2024, 9, 7), santiago.LocalDate(santiago.StartOfDay(new DateOnly(2024, 9, 8)).AddTicks(-1)));
    }

    [Fact]
    public void Where_midnight_repeats_the_day_starts_at_the_first_midnight()
    {
        // Chile moved its clocks from 00:00 back to 23:00 on 2024-04-07, so 2024-04-06 has 25 hours.
        var santiago = new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));

        Assert.Equal(TimeSpan.FromHours(25), santiago.EndOfDay(new DateOnly(2024, 4, 6)) - santiago.StartOfDay(new DateOnly(2024, 4, 6)));
    }

    [Theory]
    [InlineData("Asia/Tokyo")]
    [InlineData("Europe/Amsterdam")]
    [InlineData("America/Santiago")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Asia/Kathmandu")]
    public void Every_instant_lies_in_the_day_whose_start_and_end_surround_it(string zone)
    {
        var calendar = new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone));
        for (var instant = new DateTimeOffset(2024, 1, 1, 0, 7, 0, TimeSpan.Zero); instant.Year < 2026; instant = instant.AddMinutes(397))
        {
            var date = calendar.LocalDate(instant);
            var start = calendar.StartOfDay(date);

            Assert.InRange(instant, start, calendar.EndOfDay(date).AddTicks(-1));
            Assert.Equal(date, calendar.LocalDate(start));
            Assert.Equal(date.AddDays(-1), calendar.LocalDate(start.AddTicks(-1)));
            Assert.Equal(start, calendar.StartOfDay(instant));
        }
    }

    [Fact]
    public void A_local_hour_is_an_hour_of_instants_and_the_repeated_hour_is_two_hours()
    {
        var firstPass = new DateTimeOffset(2025, 10, 26, 0, 40, 0, TimeSpan.Zero);  // 02:40 CEST
        var secondPass = new DateTimeOffset(2025, 10, 26, 1, 40, 0, TimeSpan.Zero); // 02:40 CET

        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.Zero), Amsterdam.StartOfHour(firstPass));
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 1, 0, 0, TimeSpan.Zero), Amsterdam.StartOfHour(secondPass));
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 1, 30, 0, TimeSpan.Zero), Amsterdam.StartOfClockPeriod(secondPass, TimeSpan.FromMinutes(30)));

        // Kathmandu is UTC+05:45: its hours start at a quarter past the UTC hour.
        var kathmandu = new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu"));
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 3, 15, 0, TimeSpan.Zero), kathmandu.StartOfHour(new DateTimeOffset(2025, 6, 1, 4, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_clock_period_must_divide_an_hour()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokyo.StartOfClockPeriod(DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tokyo.StartOfClockPeriod(DateTimeOffset.UnixEpoch, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Local_time_round_trips_through_instants_outside_the_changes()
    {
        var local = new DateTime(2025, 7, 14, 18, 45, 30);

        Assert.Equal(local, Amsterdam.LocalTime(Amsterdam.ToInstant(local)));
        Assert.Equal(DateTimeKind.Unspecified, Amsterdam.LocalTime(DateTimeOffset.UnixEpoch).Kind);
    }
}
