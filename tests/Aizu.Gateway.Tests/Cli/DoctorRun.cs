namespace Aizu.Gateway.Tests.Cli;

/// <summary>Runs <c>aizu doctor --json</c> on a configuration file made from an anonymous <c>Aizu</c> section and returns its checks by name.</summary>
internal static class DoctorRun
{
    public static async Task<Dictionary<string, JsonElement>> ChecksAsync(TemporaryDirectory directory, object aizu, TimeProvider? time = null)
    {
        var config = directory.File("aizu.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Aizu = aizu }));
        var output = new StringWriter();
        await GatewayCommandLine.Create(output, output, time ?? TimeProvider.System).Parse(["doctor", "--json", "--config", config]).InvokeAsync();
        using var report = JsonDocument.Parse(output.ToString());
        return report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    }
}
