using CsCheck;

namespace Aizu.Panel.Tests;

public sealed class StartOfDayTests
{
    private static readonly string[] Zones =
    [
        "Asia/Tokyo", "UTC", "Europe/London", "America/New_York", "America/Santiago",
        "America/Havana", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata",
    ];

    [Fact]
    public void Midnight_in_Tokyo_is_15_00_utc_the_day_before()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

        var start = PanelClock.StartOfDay(new DateOnly(2025, 6, 2), tokyo);

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 15, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void Where_midnight_is_skipped_the_day_starts_at_the_end_of_the_gap()
    {
        // Chile moved its clocks from 00:00 to 01:00 on 2024-09-08.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var start = PanelClock.StartOfDay(new DateOnly(2024, 9, 8), santiago);

        Assert.Equal(new DateTimeOffset(2024, 9, 8, 1, 0, 0, TimeSpan.FromHours(-3)), start);
    }

    [Fact]
    public void The_start_of_an_instants_local_day_is_its_first_instant() =>
        Gen.Select(Gen.Int[0, Zones.Length - 1], Gen.Long[new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks])
            .Sample((zoneIndex, ticks) =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[zoneIndex]);
                var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
                var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

                var start = PanelClock.StartOfDay(date, zone);

                Assert.True(start <= instant);
                Assert.Equal(date, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime));
                Assert.Equal(date.AddDays(-1), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start.AddTicks(-1), zone).DateTime));
            });
}
