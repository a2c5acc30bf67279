namespace Aizu.Gateway.Tests.Household;

/// <summary>
/// A household's day is one thing everywhere: in the container <c>aizu run --demo</c> builds, the panel's
/// day, the daily rollup, the tariff's day and the consented daily uplink window cover the same instants
/// and hold the same energy, on the days Europe changes its clocks as on any other, for both demo profiles.
/// </summary>
public sealed class OneHouseholdDayTests
{
    // The simulated household uses 1 kWh every hour, so a day's energy is its length in hours.
    private const double KWhPerQuarterHour = 0.25;

    public static TheoryData<string, string, string, int> Days => new()
    {
        // Last Sunday of March: clocks jump 02:00 → 03:00 in Amsterdam, a 23-hour day.
        { "eu", "Europe/Amsterdam", "2025-03-30", 23 },
        // Last Sunday of October: clocks go back 03:00 → 02:00, a 25-hour day.
        { "eu", "Europe/Amsterdam", "2025-10-26", 25 },
        { "eu", "Europe/Amsterdam", "2025-06-18", 24 },
        // Japan keeps its clocks; the same Sundays are ordinary days there.
        { "jp", "Asia/Tokyo", "2025-03-30", 24 },
        { "jp", "Asia/Tokyo", "2025-10-26", 24 },
        { "jp", "Asia/Tokyo", "2025-06-18", 24 },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public async Task PanelDay_DailyRollup_TariffDay_AndDailyUplinkWindow_CoverTheSameInstants(string profile, string zone, string date, int hours)
    {
        using var directory = new TemporaryDirectory();
        await using var app = GatewayApplication.Build(new RunSettings(Demo: true, ConfigPath: null, Urls: "http://127.0.0.1:0", Profile: profile), configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aizu:Storage:DatabasePath"] = Path.Combine(directory.Path, "aizu.db"),
                ["Aizu:Storage:RawRetentionMonths"] = "0",

                // A city broker configured, so the consented uplink (egress) is part of the container.
                ["Aizu:Uplink:Host"] = "127.0.0.1",
                ["Aizu:Uplink:GatewayId"] = "gw-calendar",
                ["Aizu:Egress:GatewayId"] = "gw-calendar",
                ["Aizu:Egress:SecretPath"] = Path.Combine(directory.Path, "pseudonym.key"),
            }));
        var services = app.Services;
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(zone, services.GetRequiredService<HouseholdCalendar>().Zone.Id);

        // The panel: its day page runs from the first to the last of its half-hour boundaries.
        var clock = services.GetRequiredService<PanelClock>();
        var page = HistoryCalendar.Boundaries(HistorySpan.Day, day, clock.Calendar);
        var (panelStart, panelEnd) = (page[0], page[^1]);
        Assert.Equal(TimeSpan.FromHours(hours), panelEnd - panelStart);
        var week = HistoryCalendar.Boundaries(HistorySpan.Week, HistoryCalendar.PageStart(HistorySpan.Week, day), clock.Calendar);
        var weekIndex = week.ToList().IndexOf(panelStart);
        Assert.True(weekIndex >= 0, $"the week page has no bucket starting at {panelStart:O}");
        Assert.Equal(panelEnd, week[weekIndex + 1]);

        // A simulated household's import register, read every quarter hour from two days before to two after.
        var store = services.GetRequiredService<ReadingStore>();
        var first = panelStart.AddDays(-2);
        var readings = Enumerable.Range(0, (int)((panelEnd.AddDays(2) - first) / TimeSpan.FromMinutes(15)))
            .Select(i => new Reading(SeriesNames.ElectricImportEnergy, first.AddMinutes(15 * i), 1_000 + (KWhPerQuarterHour * i), Units.KilowattHour))
            .ToList();
        await store.AppendAsync(readings, CancellationToken.None);
        var panelTotal = await store.GetCumulativeDeltaAsync(SeriesNames.ElectricImportEnergy, panelStart, panelEnd, CancellationToken.None);
        Assert.Equal(hours, panelTotal!.Value, 9);

        // The daily rollup.
        var rollups = await store.GetRangeAsync(SeriesNames.ElectricImportEnergy, panelStart.AddDays(-1), panelEnd.AddDays(1), Resolution.Day, 10, CancellationToken.None);
        var rollup = Assert.Single(rollups.Points, p => p.Start == panelStart);
        Assert.Equal(panelEnd, rollup.End);
        Assert.Equal(hours, rollup.Energy!.Value, 9);
        Assert.Contains(rollups.Points, p => p.End == panelStart);

        // The tariff's day, priced from the same register as quarter-hour slots.
        var slots = readings.Zip(readings.Skip(1), (a, b) => new EnergySlot(a.Timestamp, b.Timestamp, (decimal)(b.Value - a.Value))).ToList();
        var cost = services.GetRequiredService<TariffCalculator>().CostOfDay(day, slots, [], 0m);
        Assert.Equal((panelStart, panelEnd), (cost.From, cost.To));
        Assert.Equal(hours, cost.ImportKWh);

        // The consented daily uplink window holding any instant of that day.
        var windows = services.GetRequiredService<WindowCutter>();
        foreach (var instant in new[] { panelStart, panelStart.AddHours(hours / 2.0), panelEnd.AddTicks(-1) })
        {
            var window = windows.Containing(instant, Granularity.Day);
            Assert.Equal((panelStart, panelEnd), (window.Start, window.End));
            Assert.True(windows.IsWindow(window));
        }
    }
}
