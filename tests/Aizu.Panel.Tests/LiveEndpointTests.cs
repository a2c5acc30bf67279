namespace Aizu.Panel.Tests;

public sealed class LiveEndpointTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(9));

    private static Reading Power(int second, double watts) => new(SeriesNames.ElectricPower, Now.AddSeconds(second), watts, Units.Watt);

    [Fact]
    public async Task On_connect_the_latest_power_arrives_at_once_as_a_reading_event()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        host.Feed.Publish(Power(0, 532));
        host.Feed.Publish(new Reading(SeriesNames.ElectricCurrentR, Now, 3.5, Units.Ampere));

        await using var stream = await EventStream.OpenAsync(host.Client);
        var (item, data) = await stream.NextAsync();

        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("reading", item.EventType);
        Assert.Equal(TimeSpan.FromSeconds(3), item.ReconnectionInterval);
        Assert.Equal("elec.power", data.GetProperty("series").GetString());
        Assert.Equal(532, data.GetProperty("value").GetDouble());
        Assert.Equal("W", data.GetProperty("unit").GetString());
        Assert.Equal(Now, data.GetProperty("ts").GetDateTimeOffset());
        Assert.Equal("2025-06-01T09:00:00+09:00", data.GetProperty("ts").GetString());

        var (_, current) = await stream.NextAsync();
        Assert.Equal("elec.current.r", current.GetProperty("series").GetString());
    }

    [Fact]
    public async Task New_power_and_current_readings_follow_and_other_series_or_stale_readings_do_not()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        host.Feed.Publish(Power(0, 500));
        await using var stream = await EventStream.OpenAsync(host.Client);
        await stream.NextAsync();

        host.Feed.Publish(new Reading(SeriesNames.ElectricImportEnergy, Now, 1234.5, Units.KilowattHour));
        host.Feed.Publish(Power(-30, 100));
        host.Feed.Publish(Power(3, 610));
        host.Feed.Publish(new Reading(SeriesNames.ElectricCurrentT, Now.AddSeconds(3), 2.5, Units.Ampere));

        var (_, power) = await stream.NextAsync();
        Assert.Equal(610, power.GetProperty("value").GetDouble());
        var (_, current) = await stream.NextAsync();
        Assert.Equal("elec.current.t", current.GetProperty("series").GetString());
        Assert.Equal("A", current.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_client_connected_before_any_reading_gets_the_first_one_and_leaving_unsubscribes()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));

        var opening = EventStream.OpenAsync(host.Client);
        await Eventually.TrueAsync(() => host.Feed.SubscriberCount == 1, "the stream subscribed");
        host.Feed.Publish(Power(0, 480));
        var stream = await opening;
        var (_, data) = await stream.NextAsync();
        Assert.Equal(480, data.GetProperty("value").GetDouble());

        await stream.DisposeAsync();

        await Eventually.TrueAsync(() => host.Feed.SubscriberCount == 0, "the subscription released");
    }

    [Fact]
    public async Task Recent_returns_the_stored_power_of_the_last_five_minutes_for_the_sparkline()
    {
        await using var host = await PanelHost.StartAsync(new FakeTimeProvider(Now));
        await host.Store.AppendAsync(
            [Power(-400, 1), Power(-299, 2), Power(-10, 3), Power(0, 4), new(SeriesNames.ElectricCurrentR, Now, 3, Units.Ampere)],
            CancellationToken.None);

        using var response = await host.Client.GetAsync("/api/live/recent");
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([2.0, 3.0, 4.0], document.RootElement.EnumerateArray().Select(e => e.GetProperty("value").GetDouble()));
        Assert.All(document.RootElement.EnumerateArray(), e => Assert.Equal("elec.power", e.GetProperty("series").GetString()));
    }
}
