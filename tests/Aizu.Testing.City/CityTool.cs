namespace Aizu.Testing.City;

/// <summary>The city's publisher, <c>aizu-city</c>, run as its own program exactly as the city runs it.</summary>
public static class CityTool
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var result = await Command.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "aizu-city.dll"), .. arguments], Limit);
        return (result.ExitCode, result.Printed);
    }

    /// <summary>Runs it and fails the test with its output unless it exits with 0.</summary>
    public static async Task<string> RunOkAsync(params string[] arguments)
    {
        var (exit, output) = await RunAsync(arguments);
        Assert.True(exit == 0, $"aizu-city {string.Join(' ', arguments)} exited with {exit}: {output}");
        return output;
    }
}
