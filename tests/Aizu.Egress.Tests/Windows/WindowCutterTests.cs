namespace Aizu.Egress.Tests.Windows;

public sealed class WindowCutterTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private readonly WindowCutter tokyo = new(new Aizu.Household.HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));

    [Theory]
    [InlineData(Granularity.Month, "2026-03-01T00:00:00+09:00", "2026-04-01T00:00:00+09:00")]
    [InlineData(Granularity.Day, "2026-03-15T00:00:00+09:00", "2026-03-16T00:00:00+09:00")]
    [InlineData(Granularity.Hour, "2026-03-15T13:00:00+09:00", "2026-03-15T14:00:00+09:00")]
    [InlineData(Granularity.HalfHour, "2026-03-15T13:30:00+09:00", "2026-03-15T14:00:00+09:00")]
    public void Containing_LocalInstant_ReturnsTheLocalCalendarWindow(string granularity, string start, string end)
    {
        var window = tokyo.Containing(new DateTimeOffset(2026, 3, 15, 13, 47, 12, Jst).AddTicks(1234), granularity);

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), window.Start);
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), window.End);
        Assert.True(tokyo.IsWindow(window));
    }

    [Fact]
    public void Day_IsTheHouseholdsLocalDay_NotTheUtcDay()
    {
        // 20:00 UTC on the 14th is 05:00 on the 15th in Tokyo.
        var window = tokyo.Containing(new DateTimeOffset(2026, 3, 14, 20, 0, 0, TimeSpan.Zero), Granularity.Day);

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 15, 0, 0, TimeSpan.Zero), window.Start);
    }

    [Fact]
    public void IsWindow_ShiftedOrLongerSpan_IsFalse()
    {
        var hour = tokyo.Containing(new DateTimeOffset(2026, 3, 15, 13, 0, 0, Jst), Granularity.Hour);

        Assert.False(tokyo.IsWindow(hour with { Start = hour.Start.AddMinutes(30), End = hour.End.AddMinutes(30) }));
        Assert.False(tokyo.IsWindow(hour with { End = hour.End.AddHours(1) }));
        Assert.False(tokyo.IsWindow(hour with { Granularity = "PT15M" }));
    }

    [Fact]
    public void Day_AcrossDaylightSavingChange_Is23HoursLong()
    {
        var berlin = new WindowCutter(new Aizu.Household.HouseholdCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

        var window = berlin.Containing(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.FromHours(2)), Granularity.Day);

        Assert.Equal(TimeSpan.FromHours(23), window.End - window.Start);
        Assert.Equal(window.End, berlin.Next(window).Start);
    }

    [Fact]
    public void FirstStartingAtOrAfter_MidWindow_SkipsToTheNextWholeWindow()
    {
        var window = tokyo.FirstStartingAtOrAfter(new DateTimeOffset(2026, 3, 15, 13, 10, 0, Jst), Granularity.Hour);

        Assert.Equal(new DateTimeOffset(2026, 3, 15, 14, 0, 0, Jst), window.Start);
    }
}
