namespace Aizu.LocalServers;

/// <summary>
/// A real server program (mosquitto, postgres, a test's influxd): started, killed and started again with
/// the same arguments, its output kept for error messages. A missing program is an error with one line
/// saying what to install (tests fail on it, never skip, on CI as anywhere else).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly string executable;
    private readonly IReadOnlyList<string> arguments;
    private readonly StringBuilder output = new();
    private Process? process;

    private ServerProcess(string executable, IReadOnlyList<string> arguments)
    {
        this.executable = executable;
        this.arguments = arguments;
    }

    /// <summary>What the program printed so far, over every start.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The exit code when the program has ended on its own, else null.</summary>
    public int? ExitCode => process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>
    /// The program at <paramref name="executable"/> with <paramref name="arguments"/>, not yet started.
    /// </summary>
    /// <exception cref="MissingServerProgramException">The program is not installed; the message says what to install (<paramref name="installHint"/>).</exception>
    public static ServerProcess For(string executable, IReadOnlyList<string> arguments, string installHint = ServerPrograms.InstallHint)
    {
        ServerPrograms.Require(executable, installHint);
        return new ServerProcess(executable, arguments);
    }

    /// <summary>Starts the program (again, after <see cref="StopAsync"/>).</summary>
    public void Start()
    {
        var info = new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>Kills the program (no clean shutdown: clients see their connections drop).</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>
    /// Completes when <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming
    /// <paramref name="what"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(what);
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Removes a server's temporary directory; a file a killed server still held is left behind.</summary>
    public static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
