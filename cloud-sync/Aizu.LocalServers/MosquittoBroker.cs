namespace Aizu.LocalServers;

/// <summary>
/// A real mosquitto on a loopback port (a free one unless given) with a temporary configuration
/// (persistence off), for the city demo and the tests. Fails with one line when mosquitto is not installed.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly ServerProcess server;

    private MosquittoBroker(ServerProcess server, string directory, int port, int? tlsPort)
    {
        this.server = server;
        Directory = directory;
        Port = port;
        TlsPort = tlsPort;
    }

    /// <summary>The plain listener's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The TLS listener's port on 127.0.0.1, when one was asked for.</summary>
    public int? TlsPort { get; }

    /// <summary>The directory holding the configuration (and any ACL or certificate files a test writes).</summary>
    public string Directory { get; }

    /// <summary>What mosquitto printed, for failure messages.</summary>
    public string Output => server.Output;

    /// <summary>
    /// Starts mosquitto. <paramref name="acl"/>, when given, becomes the ACL file (anonymous clients get
    /// the lines before any <c>user</c> line). <paramref name="extraConfig"/> is appended, with
    /// <c>{dir}</c> replaced by the broker's directory, a new one in <paramref name="parentDirectory"/>
    /// (default: the system's temporary directory), removed on dispose. <paramref name="tls"/>, when given, adds a TLS
    /// listener on a free port (<see cref="TlsPort"/>); the ACL applies to both listeners.
    /// </summary>
    /// <exception cref="MissingServerProgramException">mosquitto is not installed.</exception>
    public static async Task<MosquittoBroker> StartAsync(string? acl = null, string? extraConfig = null, int? port = null, string? parentDirectory = null, MosquittoTlsListener? tls = null)
    {
        var directory = Path.Combine(parentDirectory ?? Path.GetTempPath(), $"aizu-mosquitto-{Guid.NewGuid():N}");
        var configPath = Path.Combine(directory, "mosquitto.conf");
        var server = ServerProcess.For(ServerPrograms.Mosquitto, ["-c", configPath]);
        System.IO.Directory.CreateDirectory(directory);

        // Started as root, mosquitto drops to its own user before it reads the ACL and certificate files.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var chosen = port ?? FreePort.Next();
        var config = new StringBuilder()
            .AppendLine("per_listener_settings false")
            .AppendLine("persistence false")
            .AppendLine("allow_anonymous true")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice")
            .AppendLine("log_type information")
            .AppendLine(CultureInfo.InvariantCulture, $"listener {chosen} 127.0.0.1");
        if (acl is not null)
        {
            var aclPath = Path.Combine(directory, "aizu.acl");
            await File.WriteAllTextAsync(aclPath, acl);
            if (!OperatingSystem.IsWindows())
            {
                // mosquitto reads it after dropping to its own user; a process umask of 077 (the gateway's) would hide it.
                File.SetUnixFileMode(aclPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
            config.AppendLine(CultureInfo.InvariantCulture, $"acl_file {aclPath}");
        }

        int? tlsPort = tls is null ? null : FreePort.Next();
        if (tls is not null)
        {
            config.AppendLine(tls.Configuration(tlsPort!.Value));
        }

        if (extraConfig is not null)
        {
            config.AppendLine(extraConfig.Replace("{dir}", directory, StringComparison.Ordinal));
        }

        await File.WriteAllTextAsync(configPath, config.ToString());
        var broker = new MosquittoBroker(server, directory, chosen, tlsPort);
        await broker.RestartAsync();
        return broker;
    }

    /// <summary>Kills the broker (no clean shutdown: clients see the connection drop).</summary>
    public Task StopAsync() => server.StopAsync();

    /// <summary>Starts the broker (again) on the same port and configuration, and waits until it listens.</summary>
    public async Task RestartAsync()
    {
        server.Start();
        await ServerProcess.WaitUntilAsync(() => server.ExitCode is { } exit
            ? throw new InvalidOperationException($"mosquitto exited with {exit}: {Output}")
            : ListeningAsync(), TimeSpan.FromSeconds(20), () => $"mosquitto to listen on {Port}: {Output}");
    }

    private async Task<bool> ListeningAsync() =>
        await FreePort.AcceptsAsync(Port) && (TlsPort is not { } tls || await FreePort.AcceptsAsync(tls));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        ServerProcess.DeleteDirectory(Directory);
    }

}
