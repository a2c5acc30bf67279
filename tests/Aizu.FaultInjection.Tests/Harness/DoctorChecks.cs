namespace Aizu.FaultInjection.Tests.Harness;

/// <summary><c>aizu doctor --json</c>, run in this process on a gateway's files: each check's name and outcome.</summary>
internal static class DoctorChecks
{
    /// <summary>Runs the doctor with <paramref name="arguments"/> (<c>--database</c> or <c>--config</c>).</summary>
    public static async Task<Dictionary<string, string?>> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await GatewayCommandLine.Create(output, error)
            .Parse(["doctor", "--json", .. arguments])
            .InvokeAsync(new() { Output = output, Error = error });
        using var json = JsonDocument.Parse(output.ToString());
        return json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("outcome").GetString());
    }

    /// <summary>Runs the doctor and requires each of <paramref name="names"/> to be there and ok.</summary>
    public static async Task AssertOkAsync(string[] arguments, params string[] names)
    {
        var checks = await RunAsync(arguments);
        foreach (var name in names)
        {
            Assert.True(checks.TryGetValue(name, out var outcome) && outcome == "ok", $"doctor's {name} check: {outcome ?? "missing"}");
        }
    }
}
