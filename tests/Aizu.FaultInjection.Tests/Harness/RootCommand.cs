namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>A system command the harness runs to arrange the machine (<c>ip</c>, <c>nft</c>); a failure throws with what it printed.</summary>
internal static class RootCommand
{
    /// <summary>Runs <paramref name="program"/>, with <paramref name="input"/> on its standard input when given; returns its standard output.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string? input = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', info.ArgumentList)} failed ({process.ExitCode}): {(await error).Trim()}");
        }

        return await output;
    }
}
