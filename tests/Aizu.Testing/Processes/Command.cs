namespace Aizu.Testing;

/// <summary>
/// Runs a program to completion and keeps what it printed: the steps an installer types, the city's tool, afl-fuzz.
/// One that outlives its limit is killed with its children and reported as a <see cref="TimeoutException"/>.
/// </summary>
public static class Command
{
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', info.ArgumentList)} did not finish within {limit}.");
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs it and throws with everything it printed unless it exits 0.</summary>
    public static async Task<CommandResult> SucceedAsync(string program, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var result = await RunAsync(program, arguments, limit, workingDirectory, environment);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {result.ExitCode}:{Environment.NewLine}{result.Output}{result.Error}");
    }
}
