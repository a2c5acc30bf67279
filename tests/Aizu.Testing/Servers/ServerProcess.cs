using System.Diagnostics;
using System.Text;

namespace Aizu.Testing;

/// <summary>
/// A real server program (mosquitto, influxd) run by a test: started, killed and started again with
/// the same arguments, its output kept for failure messages. A missing program fails the test, never
/// skips it: on CI (<c>CI=true</c>) as anywhere else.
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
    /// <exception cref="InvalidOperationException">The program is not installed; the message says how to install it.</exception>
    public static ServerProcess For(string executable, IReadOnlyList<string> arguments, string neededBy)
    {
        if (!File.Exists(executable))
        {
            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? " (CI=true)" : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(executable)} is not installed{ci}: {executable} is missing. {neededBy}; run `sudo bash .ci/install-deps`.");
        }

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

    /// <summary>Removes a server's temporary directory; a file a killed server still held is left behind.</summary>
    public static void DeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
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
