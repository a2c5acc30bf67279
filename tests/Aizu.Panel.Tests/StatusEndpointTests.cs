using System.Text.Json;
using Aizu.Readings;
using Microsoft.Extensions.Time.Testing;

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
