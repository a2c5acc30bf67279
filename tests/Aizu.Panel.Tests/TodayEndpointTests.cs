namespace Aizu.Panel.Tests;

public sealed class TodayEndpointTests
{
    // 2025-06-02 00:00 in Tokyo is 2025-06-01 15:00 UTC: the UTC date is still the 1st.
    private static readonly DateTimeOffset TokyoMidnight = new(2025, 6, 2, 0, 0, 0, TimeSpan.FromHours(9));

    private static Reading Import(TimeSpan fromMidnight, double kWh) =>
        new(SeriesNames.ElectricImportEnergy, TokyoMidnight + fromMidnight, kWh, Units.KilowattHour, ReadingQuality.Backfilled);

    private static Reading Export(TimeSpan fromMidnight, double kWh) =>
        new(SeriesNames.ElectricExportEnergy, TokyoMidnight + fromMidnight, kWh, Units.KilowattHour);

    private static async Task<JsonElement> GetToday(PanelHost host)
    {
        using var response = await host.Client.GetAsync("/api/today");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Today_counts_from_local_midnight_in_the_configured_zone()
    {
        var time = new FakeTimeProvider(TokyoMidnight.AddSeconds(30));
        await using var host = await PanelHost.StartAsync(time);
        await host.Store.AppendAsync(
        [
            Import(TimeSpan.FromMinutes(-30), 1000.0),
            Import(TimeSpan.FromMinutes(-1), 1000.5),
            Import(TimeSpan.FromSeconds(20), 1000.6),
            Import(TimeSpan.FromHours(5), 1003.2),
        ], CancellationToken.None);

        // 30 s after midnight: 1000.6 - 1000.5 (the last value before midnight is the baseline).
        var justAfter = await GetToday(host);
        Assert.Equal("2025-06-02", justAfter.GetProperty("date").GetString());
        Assert.Equal("Asia/Tokyo", justAfter.GetProperty("timeZone").GetString());
        Assert.Equal(0.1, justAfter.GetProperty("importKWh").GetDouble());
        Assert.Equal(JsonValueKind.Null, justAfter.GetProperty("exportKWh").ValueKind);

        // 10:00 in Tokyo: 1003.2 - 1000.5.
        time.SetUtcNow(TokyoMidnight.AddHours(10));
        var morning = await GetToday(host);
        Assert.Equal(2.7, morning.GetProperty("importKWh").GetDouble());
    }

    [Fact]
    public async Task Just_before_midnight_the_day_is_still_yesterday()
    {
        var time = new FakeTimeProvider(TokyoMidnight.AddSeconds(-10));
        await using var host = await PanelHost.StartAsync(time);
        await host.Store.AppendAsync(
        [
            Import(TimeSpan.FromHours(-24), 990.0),
            Import(TimeSpan.FromMinutes(-1), 1000.5),
            Import(TimeSpan.FromSeconds(20), 1000.6),
        ], CancellationToken.None);

        var today = await GetToday(host);

        Assert.Equal("2025-06-01", today.GetProperty("date").GetString());
        Assert.Equal(10.5, today.GetProperty("importKWh").GetDouble());
    }

    [Fact]
    public async Task Export_and_latest_power_are_reported()
    {
        var time = new FakeTimeProvider(TokyoMidnight.AddHours(12));
        await using var host = await PanelHost.StartAsync(time);
        await host.Store.AppendAsync(
        [
            Export(TimeSpan.FromHours(-1), 50.25),
            Export(TimeSpan.FromHours(11), 53.5),
            new(SeriesNames.ElectricPower, TokyoMidnight.AddHours(11.5), -420, Units.Watt),
        ], CancellationToken.None);

        var fromStore = await GetToday(host);
        Assert.Equal(3.25, fromStore.GetProperty("exportKWh").GetDouble());
        Assert.Equal(JsonValueKind.Null, fromStore.GetProperty("importKWh").ValueKind);
        Assert.Equal(-420, fromStore.GetProperty("latestPowerW").GetDouble());

        host.Feed.Publish(new(SeriesNames.ElectricPower, TokyoMidnight.AddHours(12), 350, Units.Watt));
        var fromFeed = await GetToday(host);
        Assert.Equal(350, fromFeed.GetProperty("latestPowerW").GetDouble());
        Assert.Equal(TokyoMidnight.AddHours(12), fromFeed.GetProperty("latestAt").GetDateTimeOffset());
    }
}
