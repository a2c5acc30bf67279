namespace Aizu.Gateway.Tests.EndToEnd;

/// <summary>The real <c>aizu run --demo</c> process: indoor climate in both profiles, gas on the European one.</summary>
public sealed class DemoClimateAndGasTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task EuDemo_ReportsTodaysGas_AndIndoorClimate()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--profile", "eu", "--urls", "http://127.0.0.1:0");
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);

        var today = await PollAsync(http, "/api/today", t => t.GetProperty("gasM3").ValueKind == JsonValueKind.Number, gateway);
        Assert.InRange(today.GetProperty("gasM3").GetDouble(), 0, 50);
        Assert.Equal("Europe/Amsterdam", today.GetProperty("timeZone").GetString());

        await AssertClimateAsync(http, gateway);
    }

    [Fact]
    public async Task JapaneseDemo_ReportsIndoorClimate_AndNoGas()
    {
        using var directory = new TemporaryDirectory();
        await using var gateway = GatewayProcess.Start(directory.Path, "run", "--demo", "--urls", "http://127.0.0.1:0");
        using var http = await PanelSignIn.SignInAsync(await gateway.PanelAsync(), setupCode: gateway.SetupCode);

        await AssertClimateAsync(http, gateway);
        var today = await http.GetFromJsonAsync<JsonElement>("/api/today");
        Assert.Equal(JsonValueKind.Null, today.GetProperty("gasM3").ValueKind);
    }

    private static async Task AssertClimateAsync(HttpClient http, GatewayProcess gateway)
    {
        // The simulated SCD4x needs a few seconds (in real time) for its first CO2 value.
        var climate = await PollAsync(http, "/api/climate", c =>
            c.GetProperty("rooms").EnumerateArray().Any(r => r.GetProperty("room").GetString() == "living" && r.GetProperty("co2").ValueKind == JsonValueKind.Object)
            && c.GetProperty("rooms").GetArrayLength() >= 3, gateway);
        var rooms = climate.GetProperty("rooms").EnumerateArray().ToDictionary(r => r.GetProperty("room").GetString()!);
        Assert.Equal(["bedroom", "hallway", "living"], rooms.Keys.Order());
        var living = rooms["living"];
        Assert.InRange(living.GetProperty("temperature").GetProperty("value").GetDouble(), 5, 40);
        Assert.InRange(living.GetProperty("humidity").GetProperty("value").GetDouble(), 5, 100);
        Assert.InRange(living.GetProperty("co2").GetProperty("value").GetDouble(), 300, 5000);
        Assert.Contains(living.GetProperty("co2").GetProperty("level").GetString(), new[] { "good", "ventilate", "poor" });
        Assert.True(living.GetProperty("temperature").GetProperty("times").GetArrayLength() >= 1);
        Assert.Equal(JsonValueKind.Object, rooms["bedroom"].GetProperty("humidity").ValueKind);
        Assert.Equal(JsonValueKind.Object, rooms["hallway"].GetProperty("temperature").ValueKind);
    }

    private static async Task<JsonElement> PollAsync(HttpClient http, string path, Func<JsonElement, bool> done, GatewayProcess gateway)
    {
        var deadline = DateTime.UtcNow + Limit;
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await http.GetFromJsonAsync<JsonElement>(path);
            if (done(last))
            {
                return last;
            }

            Assert.False(gateway.HasExited, gateway.Output);
            await Task.Delay(500);
        }

        throw new TimeoutException($"{path} did not show what was expected within {Limit}: {last}{Environment.NewLine}{gateway.Output}");
    }
}
