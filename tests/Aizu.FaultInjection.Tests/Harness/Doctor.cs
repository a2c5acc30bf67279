using System.Text.Json;
using Aizu.Gateway.Cli;

namespace Aizu.FaultInjection.Tests.Harness;

/// <summary><c>aizu doctor</c> on a gateway's database, as an installer runs it after a fault.</summary>
internal static class Doctor
{
    /// <summary>Each check's name and outcome (<c>ok</c> when it passed).</summary>
    public static async Task<Dictionary<string, string?>> ChecksAsync(string database, params string[] options) =>
        (await RunAsync(database, options)).ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("outcome").GetString());

    /// <summary>Asserts that the check <paramref name="name"/> passed, with doctor's detail when it did not.</summary>
    public static async Task AssertOkAsync(string database, string name, params string[] options)
    {
        var check = (await RunAsync(database, options)).FirstOrDefault(c => c.GetProperty("name").GetString() == name);
        Assert.True(check.ValueKind == JsonValueKind.Object && check.GetProperty("outcome").GetString() == "ok", $"doctor's {name} check: {check}");
    }

    private static async Task<List<JsonElement>> RunAsync(string database, string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        await GatewayCommandLine.Create(output, error)
            .Parse(["doctor", "--json", "--database", database, .. options])
            .InvokeAsync(new() { Output = output, Error = error });
        using var json = JsonDocument.Parse(output.ToString());
        return [.. json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.Clone())];
    }
}
