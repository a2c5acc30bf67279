using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aizu.Testing.Uplink;

/// <summary>
/// A real mosquitto started by a test on a free loopback port with a temporary configuration
/// (persistence off). Fails, never skips, when mosquitto is not installed.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string directory;
    private readonly string configPath;
    private readonly StringBuilder output = new();
    private Process? process;

    private MosquittoBroker(string directory, string configPath, int port)
    {
        this.directory = directory;
        this.configPath = configPath;
        Port = port;
    }

    /// <summary>The plain listener's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The directory holding the configuration (and any ACL or certificate files a test writes).</summary>
    public string Directory => directory;

    /// <summary>What mosquitto printed, for failure messages.</summary>
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

    /// <summary>
    /// Starts mosquitto. <paramref name="acl"/>, when given, becomes the ACL file (anonymous clients get
    /// the lines before any <c>user</c> line). <paramref name="extraConfig"/> is appended, with
    /// <c>{dir}</c> replaced by the broker's directory.
    /// </summary>
    public static async Task<MosquittoBroker> StartAsync(string? acl = null, string? extraConfig = null, int? port = null)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"mosquitto is not installed ({Executable} is missing); these tests need a real broker: run `sudo bash .ci/install-deps`.");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("aizu-mosquitto-").FullName;
        // Started as root, mosquitto drops to its own user before it reads the ACL and certificate files.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var chosen = port ?? FreePort();
        var config = new StringBuilder()
            .AppendLine("per_listener_settings false")
            .AppendLine("persistence false")
            .AppendLine("allow_anonymous true")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice")
            .AppendLine("log_type information")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"listener {chosen} 127.0.0.1");
        if (acl is not null)
        {
            var aclPath = Path.Combine(directory, "aizu.acl");
            await File.WriteAllTextAsync(aclPath, acl);
            config.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"acl_file {aclPath}");
        }

        if (extraConfig is not null)
        {
            config.AppendLine(extraConfig.Replace("{dir}", directory, StringComparison.Ordinal));
        }

        var configPath = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(configPath, config.ToString());
        var broker = new MosquittoBroker(directory, configPath, chosen);
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Kills the broker (no clean shutdown: clients see the connection drop).</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>Starts the broker again on the same port and configuration.</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Waits until <paramref name="port"/> on 127.0.0.1 accepts connections.</summary>
    public static Task WaitForPortAsync(int port, Func<string> diagnostics) =>
        Eventually.TrueAsync(async () =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), () => $"mosquitto did not listen on {port}: {diagnostics()}");

    private async Task StartProcessAsync()
    {
        var info = new ProcessStartInfo(Executable, ["-c", configPath])
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
        await WaitForPortAsync(Port, () => Output);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
