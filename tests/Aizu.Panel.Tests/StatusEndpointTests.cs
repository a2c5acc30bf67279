namespace Aizu.Panel.Tests;

public sealed class StatusEndpointTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<JsonElement> GetStatus(PanelHost host)
    {
        using var response = await host.Client.GetAsync("/api/status");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Status_reports_stored_readings_the_meter_link_and_the_version()
    {
        var time = new FakeTimeProvider(Now);
        await using var host = await PanelHost.StartAsync(time);
        await host.Store.AppendAsync([new(SeriesNames.ElectricPower, Now, 500, Units.Watt)], CancellationToken.None);

        var idle = await GetStatus(host);
        Assert.Equal(1, idle.GetProperty("readingsStored").GetInt64());
        Assert.False(idle.GetProperty("meterLinkUp").GetBoolean());
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("lastReadingAt").ValueKind);
        Assert.Equal(0, idle.GetProperty("rejectedClock").GetInt64());
        Assert.Equal(0, idle.GetProperty("storeErrors").GetInt64());
        Assert.StartsWith("0.1.0", idle.GetProperty("version").GetString(), StringComparison.Ordinal);

        host.Statistics.ReadingSeen(time.GetUtcNow());
        var linked = await GetStatus(host);
        Assert.True(linked.GetProperty("meterLinkUp").GetBoolean());
        Assert.Equal(Now, linked.GetProperty("lastReadingAt").GetDateTimeOffset());

        time.Advance(TimeSpan.FromSeconds(60));
        Assert.False((await GetStatus(host)).GetProperty("meterLinkUp").GetBoolean());
    }

    [Fact]
    public async Task Status_shows_each_indoor_sensor_whether_it_answers_since_when_not_and_its_last_error()
    {
        var answeredAt = Now.AddSeconds(-30);
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now), source: new SensorHealthSource(
            new SensorHealth("DS18B20 28-00000000a1b2 (hallway)", "hallway", false, answeredAt, answeredAt.AddSeconds(5), "not on the bus: w1_slave is gone"),
            new SensorHealth("SHT3X at 0x44 on I2C bus 1 (bedroom)", "bedroom", true, Now, null, null)));

        var sensors = (await GetStatus(host)).GetProperty("sensors").EnumerateArray().ToList();

        Assert.Equal(2, sensors.Count);
        Assert.Equal("DS18B20 28-00000000a1b2 (hallway)", sensors[0].GetProperty("sensor").GetString());
        Assert.Equal("hallway", sensors[0].GetProperty("room").GetString());
        Assert.False(sensors[0].GetProperty("answering").GetBoolean());
        Assert.Equal(answeredAt, sensors[0].GetProperty("lastAnsweredAt").GetDateTimeOffset());
        Assert.Equal(answeredAt.AddSeconds(5), sensors[0].GetProperty("notAnsweringSince").GetDateTimeOffset());
        Assert.Equal("not on the bus: w1_slave is gone", sensors[0].GetProperty("lastError").GetString());
        Assert.True(sensors[1].GetProperty("answering").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sensors[1].GetProperty("notAnsweringSince").ValueKind);
        Assert.Equal(JsonValueKind.Null, sensors[1].GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task Without_indoor_sensors_status_lists_none()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));

        Assert.Equal(0, (await GetStatus(host)).GetProperty("sensors").GetArrayLength());
    }

    [Fact]
    public async Task With_the_store_unavailable_status_explains_it_today_answers_503_and_the_page_still_loads()
    {
        using var broken = new BrokenDataFolder();
        await using var host = await broken.StartKioskAsync(Now);

        var status = await GetStatus(host);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("readingsStored").ValueKind);
        Assert.Contains(broken.Blocker, status.GetProperty("storeProblem").GetString(), StringComparison.Ordinal);

        using var today = await host.Client.GetAsync("/api/today");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, today.StatusCode);
        Assert.Equal("application/problem+json", today.Content.Headers.ContentType?.MediaType);

        using var page = await host.Client.GetAsync("/");
        page.EnsureSuccessStatusCode();
    }
}
