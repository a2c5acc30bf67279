using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aizu.Alerts.Tests;

/// <summary>
/// A real mosquitto on a free loopback port with persistence off, started for one test. Start-up is
/// awaited on the broker's own "running" log line, never by sleeping. Fails, never skips, when mosquitto
/// is missing (.ci/install-deps installs it).
/// </summary>
internal sealed class Mosquitto : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder output = new();

    private Mosquitto(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

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

    public static async Task<Mosquitto> StartAsync()
    {
        Assert.True(File.Exists(Executable), $"mosquitto is not installed ({Executable}); run `bash .ci/install-deps`.");
        var directory = Directory.CreateTempSubdirectory("aizu-alerts-mosquitto-").FullName;
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            per_listener_settings false
            persistence false
            allow_anonymous true
            log_dest stderr
            log_type all
            listener {port} 127.0.0.1

            """);
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(Executable, ["-c", config])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            },
        };
        var broker = new Mosquitto(process, directory, port);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (broker.output)
            {
                broker.output.AppendLine(line);
            }

            if (line.Contains(" running", StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        }

        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => running.TrySetException(new InvalidOperationException($"mosquitto exited: {broker.Output}"));
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await running.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
