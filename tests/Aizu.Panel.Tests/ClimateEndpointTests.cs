namespace Aizu.Panel.Tests;

public sealed class ClimateEndpointTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.FromHours(9));

    private static Reading Indoor(string room, IndoorQuantity quantity, TimeSpan ago, double value, string unit) =>
        new(SeriesNames.Indoor(room, quantity), Now - ago, value, unit);

    private static async Task<JsonElement> GetClimate(PanelHost host, string query = "")
    {
        using var response = await host.Client.GetAsync("/api/climate" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Rooms_come_from_the_stored_series_with_latest_values_comfort_levels_and_a_line()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await host.Store.AppendAsync(
        [
            Indoor("living", IndoorQuantity.Temperature, TimeSpan.FromHours(3), 20.0, Units.DegreeCelsius),
            Indoor("living", IndoorQuantity.Temperature, TimeSpan.FromMinutes(2), 21.46, Units.DegreeCelsius),
            Indoor("living", IndoorQuantity.Humidity, TimeSpan.FromMinutes(2), 35, Units.RelativeHumidityPercent),
            Indoor("living", IndoorQuantity.Co2, TimeSpan.FromMinutes(2), 1200, Units.PartsPerMillion),
            Indoor("bedroom", IndoorQuantity.Temperature, TimeSpan.FromMinutes(1), 17.2, Units.DegreeCelsius),
            Indoor("bedroom", IndoorQuantity.Co2, TimeSpan.FromMinutes(1), 1600, Units.PartsPerMillion),
            Indoor("bedroom", IndoorQuantity.Humidity, TimeSpan.FromMinutes(1), 65, Units.RelativeHumidityPercent),
            new(SeriesNames.ElectricPower, Now.AddMinutes(-1), 500, Units.Watt),
        ], CancellationToken.None);

        var climate = await GetClimate(host);

        Assert.Equal("Asia/Tokyo", climate.GetProperty("timeZone").GetString());
        Assert.Equal(1000, climate.GetProperty("bands").GetProperty("co2Good").GetDouble());
        var rooms = climate.GetProperty("rooms").EnumerateArray().ToArray();
        Assert.Equal(["bedroom", "living"], rooms.Select(r => r.GetProperty("room").GetString()));

        var bedroom = rooms[0];
        Assert.Equal("cold", bedroom.GetProperty("temperature").GetProperty("level").GetString());
        Assert.Equal("poor", bedroom.GetProperty("co2").GetProperty("level").GetString());
        Assert.Equal("humid", bedroom.GetProperty("humidity").GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, bedroom.GetProperty("pressure").ValueKind);

        var living = rooms[1];
        var temperature = living.GetProperty("temperature");
        Assert.Equal(21.46, temperature.GetProperty("value").GetDouble());
        Assert.Equal(Units.DegreeCelsius, temperature.GetProperty("unit").GetString());
        Assert.Equal("ok", temperature.GetProperty("level").GetString());
        Assert.False(temperature.GetProperty("stale").GetBoolean());
        Assert.Equal("dry", living.GetProperty("humidity").GetProperty("level").GetString());
        Assert.Equal("ventilate", living.GetProperty("co2").GetProperty("level").GetString());

        // The 24 h line: both temperature readings, oldest first, as Unix seconds and means.
        var times = temperature.GetProperty("times").EnumerateArray().Select(t => t.GetInt64()).ToArray();
        var values = temperature.GetProperty("values").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetDouble()).ToArray();
        Assert.Equal(times.Order(), times);
        Assert.Contains(20.0, values);
        Assert.Contains(21.46, values);
        Assert.All(times, t => Assert.InRange(t, Now.AddHours(-24).ToUnixTimeSeconds() - 300, Now.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task The_live_feed_wins_and_an_old_value_is_stale()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await host.Store.AppendAsync(
        [
            Indoor("hallway", IndoorQuantity.Temperature, TimeSpan.FromHours(2), 19, Units.DegreeCelsius),
            Indoor("study", IndoorQuantity.Co2, TimeSpan.FromMinutes(5), 700, Units.PartsPerMillion),
        ], CancellationToken.None);
        host.Feed.Publish(Indoor("study", IndoorQuantity.Co2, TimeSpan.Zero, 1450, Units.PartsPerMillion));

        var rooms = (await GetClimate(host)).GetProperty("rooms").EnumerateArray().ToArray();

        Assert.True(rooms[0].GetProperty("temperature").GetProperty("stale").GetBoolean());
        var co2 = rooms[1].GetProperty("co2");
        Assert.Equal(1450, co2.GetProperty("value").GetDouble());
        Assert.Equal("ventilate", co2.GetProperty("level").GetString());
    }

    [Fact]
    public async Task No_sensors_means_no_rooms_bad_hours_are_refused_and_strangers_are_not_let_in()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        Assert.Empty((await GetClimate(host, "?hours=6")).GetProperty("rooms").EnumerateArray());

        using var bad = await host.Client.GetAsync("/api/climate?hours=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        await using var anonymous = await PanelHost.StartAsync(new FakeTimeProvider(Now), signIn: false);
        using var refused = await anonymous.Client.GetAsync("/api/climate");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public void Room_slugs_are_taken_only_from_well_formed_indoor_series()
    {
        var rooms = ClimateEndpoint.Rooms(
        [
            new SeriesInfo("indoor.living.temperature", Units.DegreeCelsius),
            new SeriesInfo("indoor.living.co2", Units.PartsPerMillion),
            new SeriesInfo("indoor.bedroom-2.humidity", Units.RelativeHumidityPercent),
            new SeriesInfo("indoor.garage.voltage", Units.Volt),
            new SeriesInfo("indoor.Bad.temperature", Units.DegreeCelsius),
            new SeriesInfo("indoor.temperature", Units.DegreeCelsius),
            new SeriesInfo("elec.power", Units.Watt),
        ]);

        Assert.Equal(["bedroom-2", "living"], rooms);
    }
}
