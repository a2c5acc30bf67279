namespace Aizu.Household.Tests;

public sealed class StartOfDayTests
{
    private static readonly string[] Zones =
    [
        "Asia/Tokyo", "UTC", "Europe/London", "Europe/Amsterdam", "America/New_York", "America/Santiago",
        "America/Havana", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata",
    ];

    [Fact]
    public void The_start_of_an_instants_local_day_is_its_first_instant() =>
        Gen.Select(Gen.Int[0, Zones.Length - 1], Gen.Long[new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks])
            .Sample((zoneIndex, ticks) =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[zoneIndex]);
                var calendar = new HouseholdCalendar(zone);
                var instant = new DateTimeOffset(ticks, TimeSpan.Zero);
                var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

                var start = calendar.StartOfDay(date);

                Assert.True(start <= instant);
                Assert.True(instant < calendar.EndOfDay(date));
                Assert.Equal(date, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime));
                Assert.Equal(date.AddDays(-1), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start.AddTicks(-1), zone).DateTime));
            });

    [Fact]
    public void A_local_time_maps_to_the_first_instant_showing_it_or_later() =>
        Gen.Select(Gen.Int[0, Zones.Length - 1], Gen.Long[new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks, new DateTimeOffset(2035, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks])
            .Sample((zoneIndex, ticks) =>
            {
                var calendar = new HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById(Zones[zoneIndex]));
                var wall = new DateTime(ticks - (ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);

                var instant = calendar.ToInstant(wall);

                Assert.True(calendar.LocalTime(instant) >= wall);
                Assert.True(calendar.LocalTime(instant.AddSeconds(-1)) < wall);
            });
}
