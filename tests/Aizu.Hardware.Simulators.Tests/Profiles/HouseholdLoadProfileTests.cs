namespace Aizu.Hardware.Simulators.Tests.Profiles;

public sealed class HouseholdLoadProfileTests
{
    private readonly HouseholdLoadProfile profile = new();

    [Theory]
    [InlineData("2025-01-15")] // winter weekday, heating
    [InlineData("2025-01-18")] // winter Saturday
    [InlineData("2025-04-16")] // spring weekday, no air conditioning
    [InlineData("2025-04-20")] // spring Sunday
    [InlineData("2025-08-06")] // summer weekday, cooling
    [InlineData("2025-08-09")] // summer Saturday
    [InlineData("2025-10-15")] // autumn weekday
    [InlineData("2025-12-27")] // winter Saturday
    public void DailyTotal_IsThatOfAJapaneseHousehold(string date)
    {
        var day = DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(profile.EnergyKilowattHours(day, day.AddDays(1)), 8.0, 12.0);
    }

    [Fact]
    public void DailyTotal_StaysWithinRangeOnEveryDayOfAYear()
    {
        var totals = Enumerable.Range(0, 365)
            .Select(i => new DateTime(2026, 1, 1).AddDays(i))
            .Select(d => profile.EnergyKilowattHours(d, d.AddDays(1)))
            .ToList();

        Assert.All(totals, total => Assert.InRange(total, 8.0, 12.0));
        Assert.True(totals.Max() - totals.Min() > 2, "seasons and weekends should make a visible difference");
    }

    [Theory]
    [InlineData("2025-04-16")]
    [InlineData("2025-08-06")]
    [InlineData("2025-01-15")]
    public void Day_PeaksAtBreakfastAndInTheEvening(string date)
    {
        var day = DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        double Max(double fromHour, double toHour) =>
            Enumerable.Range(0, (int)((toHour - fromHour) * 60)).Max(m => profile.PowerWatts(day.AddHours(fromHour).AddMinutes(m)));

        var night = Max(2, 5);
        var morning = Max(6.5, 8);
        var midday = Max(10.5, 15.5);
        var evening = Max(17.5, 21);

        Assert.InRange(night, 120, 350);
        Assert.True(morning > 2.5 * night, $"morning {morning:F0} W vs night {night:F0} W");
        Assert.True(morning > 2 * midday, $"morning {morning:F0} W vs midday {midday:F0} W");
        Assert.True(evening > morning, $"evening {evening:F0} W vs morning {morning:F0} W");
        Assert.Equal(evening, Max(0, 24));
    }

    [Fact]
    public void Power_ChangesSmoothlyIncludingAcrossMidnightAndWeekends()
    {
        // A week from Thursday: covers weekday→weekend and weekend→weekday midnights.
        var start = new DateTime(2025, 12, 4);
        var previous = profile.PowerWatts(start);
        for (var minute = 1; minute <= 7 * 24 * 60; minute++)
        {
            var current = profile.PowerWatts(start.AddMinutes(minute));
            Assert.True(Math.Abs(current - previous) < 40, $"{start.AddMinutes(minute):s}: {previous:F0} W → {current:F0} W");
            previous = current;
        }
    }

    [Fact]
    public void Power_IsDeterministic()
    {
        var at = new DateTime(2025, 6, 1, 19, 12, 34);

        Assert.Equal(profile.PowerWatts(at), new HouseholdLoadProfile().PowerWatts(at));
    }

    [Fact]
    public void Energy_IsTheMinuteIntegralOfPower_AndAddsUpOverSpans()
    {
        var from = new DateTime(2025, 3, 1, 6, 0, 0);
        var to = new DateTime(2025, 3, 1, 9, 0, 0);
        var bySum = Enumerable.Range(0, 180).Sum(m => profile.PowerWatts(from.AddMinutes(m).AddSeconds(30))) / 60 / 1000;
        var middle = new DateTime(2025, 2, 10, 13, 7, 30);
        var longAgo = new DateTime(2024, 12, 1, 22, 45, 0);

        Assert.Equal(bySum, profile.EnergyKilowattHours(from, to), 9);
        Assert.Equal(
            profile.EnergyKilowattHours(longAgo, to),
            profile.EnergyKilowattHours(longAgo, middle) + profile.EnergyKilowattHours(middle, to),
            9);
        Assert.Equal(-profile.EnergyKilowattHours(from, to), profile.EnergyKilowattHours(to, from), 12);
    }

    [Fact]
    public void Solar_IsZeroAtNightAndProducesAtNoon()
    {
        var day = new DateTime(2025, 5, 5);

        Assert.Equal(0, profile.SolarWatts(day.AddHours(1)));
        Assert.Equal(0, profile.SolarWatts(day.AddHours(21)));
        Assert.InRange(profile.SolarWatts(day.AddHours(12)), 500, profile.SolarPeakWatts);
    }
}
