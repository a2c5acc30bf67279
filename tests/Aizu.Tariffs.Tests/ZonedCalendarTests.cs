namespace Aizu.Tariffs.Tests;

public sealed class ZonedCalendarTests
{
    [Fact]
    public void A_japanese_day_starts_at_15_00_utc_the_day_before()
    {
        var calendar = new ZonedCalendar(Examples.Tokyo);

        Assert.Equal(new DateTimeOffset(2025, 6, 17, 15, 0, 0, TimeSpan.Zero), calendar.StartOfDay(new DateOnly(2025, 6, 18)));
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 15, 0, 0, TimeSpan.Zero), calendar.StartOfMonth(new DateOnly(2025, 6, 18)));
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 15, 0, 0, TimeSpan.Zero), calendar.EndOfMonth(new DateOnly(2025, 6, 18)));
    }

    [Fact]
    public void Days_around_daylight_saving_changes_have_23_and_25_hours()
    {
        var calendar = new ZonedCalendar(Examples.Amsterdam);

        Assert.Equal(TimeSpan.FromHours(23), calendar.EndOfDay(new DateOnly(2025, 3, 30)) - calendar.StartOfDay(new DateOnly(2025, 3, 30)));
        Assert.Equal(TimeSpan.FromHours(25), calendar.EndOfDay(new DateOnly(2025, 10, 26)) - calendar.StartOfDay(new DateOnly(2025, 10, 26)));
    }

    [Fact]
    public void A_skipped_time_means_the_first_instant_after_the_gap_and_a_repeated_one_its_first_occurrence()
    {
        var calendar = new ZonedCalendar(Examples.Amsterdam);

        Assert.Equal(new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero), calendar.ToInstant(new DateTime(2025, 3, 30, 2, 0, 0)));
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 30, 0, TimeSpan.Zero), calendar.ToInstant(new DateTime(2025, 10, 26, 2, 30, 0)));
    }

    [Fact]
    public void Where_midnight_is_skipped_the_day_starts_at_the_end_of_the_gap()
    {
        // Chile moved its clocks from 00:00 to 01:00 on 2024-09-08.
        var calendar = new ZonedCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));

        Assert.Equal(new DateTimeOffset(2024, 9, 8, 1, 0, 0, TimeSpan.FromHours(-3)), calendar.StartOfDay(new DateOnly(2024, 9, 8)));
    }
}
