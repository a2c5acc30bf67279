namespace Aizu.Panel.Tests;

/// <summary>A driver through ingest and storage to the browser's event stream, on the real clock.</summary>
public sealed class EndToEndTests
{
    private sealed class TickingMeter : IReadingSource
    {
        public string Name => "test-meter";

        public async Task RunAsync(ChannelWriter<Reading> output, CancellationToken cancellationToken)
        {
            for (var watts = 400; ; watts += 10)
            {
                await output.WriteAsync(new Reading(SeriesNames.ElectricPower, TimeProvider.System.GetUtcNow(), watts, Units.Watt), cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    [Fact]
    public async Task A_meter_reading_reaches_the_event_stream_the_store_and_the_status()
    {
        await using var host = await PanelHost.StartAsync(source: new TickingMeter());

        await using var stream = await EventStream.OpenAsync(host.Client);
        var (item, data) = await stream.NextAsync();
        Assert.Equal("reading", item.EventType);
        Assert.True(data.GetProperty("value").GetDouble() >= 400);

        await Eventually.TrueAsync(() => host.Statistics.Stored >= 2, "readings stored");
        using var response = await host.Client.GetAsync("/api/status");
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(status.RootElement.GetProperty("readingsStored").GetInt64() >= 2);
        Assert.True(status.RootElement.GetProperty("meterLinkUp").GetBoolean());
        var source = status.RootElement.GetProperty("sources")[0];
        Assert.Equal("test-meter", source.GetProperty("name").GetString());
        Assert.True(source.GetProperty("running").GetBoolean());
        Assert.True(source.GetProperty("linkUp").GetBoolean());
    }
}
