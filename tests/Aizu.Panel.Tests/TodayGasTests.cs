namespace Aizu.Panel.Tests;

public sealed class TodayGasTests
{
    private static readonly DateTimeOffset AmsterdamMidnight = new(2025, 11, 24, 0, 0, 0, TimeSpan.FromHours(1));

    private static async Task<JsonElement> GetToday(PanelHost host)
    {
        using var response = await host.Client.GetAsync("/api/today");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Gas_and_water_used_since_local_midnight_are_reported_when_the_home_has_them()
    {
        var time = new FakeTimeProvider(AmsterdamMidnight.AddHours(9));
        await using var host = await PanelHost.StartAsync(time, new Dictionary<string, string?> { ["Aizu:Household:TimeZone"] = "Europe/Amsterdam" });
        await host.Store.AppendAsync(
        [
            new(SeriesNames.GasVolume, AmsterdamMidnight.AddMinutes(-5), 2741.125, Units.CubicMetre),
            new(SeriesNames.GasVolume, AmsterdamMidnight.AddHours(8).AddMinutes(55), 2742.9, Units.CubicMetre),
            new(SeriesNames.WaterVolume, AmsterdamMidnight.AddHours(1), 120.5, Units.CubicMetre),
            new(SeriesNames.WaterVolume, AmsterdamMidnight.AddHours(8), 120.75, Units.CubicMetre),
        ], CancellationToken.None);

        var today = await GetToday(host);

        Assert.Equal(1.775, today.GetProperty("gasM3").GetDouble());
        Assert.Equal(0.25, today.GetProperty("waterM3").GetDouble());
    }

    [Fact]
    public async Task A_home_without_gas_gets_null()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(AmsterdamMidnight.AddHours(9)));

        var today = await GetToday(host);

        Assert.Equal(JsonValueKind.Null, today.GetProperty("gasM3").ValueKind);
        Assert.Equal(JsonValueKind.Null, today.GetProperty("waterM3").ValueKind);
    }
}
