namespace Aizu.Panel.Tests;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Aizu:Household:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Aizu:Storage:DatabasePath", "")]
    [InlineData("Aizu:Ingest:ChannelCapacity", "0")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_its_key(string key, string value)
    {
        var app = PanelHost.Build(null, new Dictionary<string, string?> { [key] = value }, null, out var directory);
        try
        {
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

            Assert.Contains(key, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_time_zone_may_be_left_unset_to_use_the_systems()
    {
        await using var host = await PanelHost.StartAsync(settings: new Dictionary<string, string?> { ["Aizu:Household:TimeZone"] = "" });

        using var response = await host.Client.GetAsync("/api/today");

        response.EnsureSuccessStatusCode();
    }
}
