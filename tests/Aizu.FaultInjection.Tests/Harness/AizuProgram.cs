namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>
/// The <c>aizu</c> program run to its end as a process of its own (the published one when
/// <see cref="GatewayProcess.ProgramVariable"/> names it), optionally under strace, which kills it with SIGKILL at the
/// n-th call of the syscalls given, as a power cut at that moment would. Fails, never skips, without strace.
/// </summary>
internal static class AizuProgram
{
    /// <summary>The exit status of a process strace killed (128 + SIGKILL).</summary>
    public const int Killed = 128 + 9;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>The command line that runs <c>aizu</c> with <paramref name="arguments"/>.</summary>
    public static string[] Command(params string[] arguments)
    {
        var published = Environment.GetEnvironmentVariable(GatewayProcess.ProgramVariable);
        return string.IsNullOrEmpty(published) ? ["dotnet", Path.Combine(AppContext.BaseDirectory, "aizu.dll"), .. arguments] : [published, .. arguments];
    }

    /// <summary><paramref name="command"/> under strace, killed at the <paramref name="at"/>-th call of any of <paramref name="syscalls"/> (comma-separated), counted over all its threads.</summary>
    public static string[] KilledAt(string syscalls, int at, string[] command) =>
        ["strace", "-f", "-qq", "-o", "/dev/null", "-e", $"trace={syscalls}", "-e", $"inject={syscalls}:signal=SIGKILL:when={at}", .. command];

    /// <summary>Runs <paramref name="command"/> to its end; its exit status and everything it printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string workingDirectory, string[] command)
    {
        using var process = Process.Start(StartInfo(workingDirectory, command)) ?? throw new InvalidOperationException($"{command[0]} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not exit within {Limit.TotalSeconds} s: {await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>How to start <paramref name="command"/> in <paramref name="workingDirectory"/>, its output redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, string[] command)
    {
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>
    /// A copy of a household's directory, for one kill each: with a configuration that names no paths outside it, the
    /// copy is a household of its own (File.Copy keeps each file's mode).
    /// </summary>
    public static void CopyHousehold(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
