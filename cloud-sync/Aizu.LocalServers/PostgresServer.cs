namespace Aizu.LocalServers;

/// <summary>
/// A real Debian PostgreSQL cluster for the city demo or a test: <c>initdb</c> into a temporary directory
/// (or a kept one the caller names), the server on a loopback port (a free one unless given) with its
/// unix socket in that directory, stopped (and, unless kept, deleted) on dispose. Fails with one line
/// when PostgreSQL is not installed (<see cref="ServerPrograms"/>).
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, and CI runs as root: then the directory is handed to the
/// <c>postgres</c> system user and every PostgreSQL program runs through <c>runuser -u postgres --</c>.
/// The cluster's superuser is <see cref="User"/> with trust authentication: it listens on loopback and
/// a socket in its own directory only.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>The superuser initdb creates.</summary>
    public const string User = "aizu";

    private const string RunUser = "/usr/sbin/runuser";
    private const string SystemUser = "postgres";
    private readonly ServerProcess server;
    private readonly string bin;
    private readonly bool kept;

    private PostgresServer(ServerProcess server, string bin, string directory, int port, bool kept)
    {
        this.server = server;
        this.bin = bin;
        this.kept = kept;
        Directory = directory;
        Port = port;
    }

    /// <summary>The directory holding the cluster (<c>data/</c>) and the unix socket.</summary>
    public string Directory { get; }

    /// <summary>The TCP port on 127.0.0.1 (the socket file carries the same number).</summary>
    public int Port { get; }

    /// <summary>What the server printed, for failure messages.</summary>
    public string Output => server.Output;

    /// <summary>An Npgsql connection string for <paramref name="database"/> over the unix socket.</summary>
    public string ConnectionString(string database = "postgres") =>
        string.Create(CultureInfo.InvariantCulture, $"Host={Directory};Port={Port};Username={User};Database={database};Pooling=true");

    /// <summary>An Npgsql connection string for <paramref name="database"/> over loopback TCP (for child processes that prefer it).</summary>
    public string TcpConnectionString(string database = "postgres") =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=true");

    /// <summary>
    /// Makes a cluster and starts it. <paramref name="durable"/> false (tests, the demo) turns off fsync
    /// and synchronous commit: that data need not outlive a power cut, and the disk is shared with other
    /// builds. The benchmark passes true to measure what a city would run. <paramref name="bin"/> defaults
    /// to the newest installed version's programs. The cluster goes into a new directory in
    /// <paramref name="parentDirectory"/> (<c>postgres/</c> there; default: a new one in the system's temporary directory), deleted on dispose;
    /// or, when <paramref name="keptDirectory"/> is given, into that one, made there on the first start,
    /// started again from it on later ones, and left in place on dispose.
    /// </summary>
    /// <exception cref="MissingServerProgramException">PostgreSQL is not installed.</exception>
    /// <exception cref="InvalidOperationException">initdb failed, or the server did not start.</exception>
    public static async Task<PostgresServer> StartAsync(
        bool durable = false, string? bin = null, string? parentDirectory = null, string? keptDirectory = null, int? port = null)
    {
        bin ??= ServerPrograms.PostgresBin();
        var postgres = Path.Combine(bin, "postgres");
        var asRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";

        // Checked here so a missing server names itself, not runuser.
        ServerPrograms.Require(postgres);
        var directory = keptDirectory is not null
            ? Path.GetFullPath(keptDirectory)
            : parentDirectory is not null
                // Short: the unix socket's path must stay under 108 bytes.
                ? Path.Combine(parentDirectory, "postgres")
                : Path.Combine(Path.GetTempPath(), $"aizu-postgres-{Guid.NewGuid():N}");
        var data = Path.Combine(directory, "data");
        System.IO.Directory.CreateDirectory(directory);
        if (asRoot)
        {
            await RunAsync("/usr/bin/chown", [SystemUser, directory]);
        }

        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            await RunAsync(asRoot ? RunUser : Path.Combine(bin, "initdb"),
                Wrap(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]));
        }

        var chosen = port ?? FreePort.Next();
        List<string> settings =
        [
            "-D", data, "-p", chosen.ToString(CultureInfo.InvariantCulture), "-k", directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=128MB",
            "-c", "log_min_messages=warning", "-c", "logging_collector=off",
        ];
        if (!durable)
        {
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var process = asRoot
            ? ServerProcess.For(RunUser, Wrap(true, postgres, settings), "install util-linux (runuser starts PostgreSQL as a non-root user)")
            : ServerProcess.For(postgres, settings);
        var server = new PostgresServer(process, bin, directory, chosen, keptDirectory is not null);
        process.Start();
        await ServerProcess.WaitUntilAsync(async () =>
        {
            if (process.ExitCode is { } exit)
            {
                throw new InvalidOperationException($"postgres exited with {exit}: {process.Output}");
            }

            // The socket appears before recovery ends ("the database system is starting up"); pg_isready waits for connections to be accepted.
            return File.Exists(Path.Combine(directory, $".s.PGSQL.{chosen}"))
                && await ExitCodeAsync(Path.Combine(bin, "pg_isready"), ["-q", "-h", directory, "-p", chosen.ToString(CultureInfo.InvariantCulture), "-U", User]) == 0;
        }, TimeSpan.FromSeconds(60), () => $"postgres to listen on {chosen}: {process.Output}");
        return server;
    }

    /// <summary>Creates an empty database (each test its own, so tests on one cluster do not see each other's rows).</summary>
    public async Task CreateDatabaseAsync(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var asRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";
        var createdb = Path.Combine(bin, "createdb");
        await RunAsync(asRoot ? RunUser : createdb,
            Wrap(asRoot, createdb, ["-h", Directory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, name]));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // A fast shutdown releases the shared memory and the socket; killing the postmaster would leave them.
        if (server.ExitCode is null)
        {
            var asRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";
            var pgCtl = Path.Combine(bin, "pg_ctl");
            try
            {
                await RunAsync(asRoot ? RunUser : pgCtl, Wrap(asRoot, pgCtl, ["stop", "-D", Path.Combine(Directory, "data"), "-m", "fast", "-w"]));
            }
            catch (InvalidOperationException)
            {
                // The kill below still ends it.
            }
        }

        await server.DisposeAsync();
        if (!kept)
        {
            ServerProcess.DeleteDirectory(Directory);
        }
    }

    private static List<string> Wrap(bool asRoot, string program, IEnumerable<string> arguments) =>
        asRoot ? ["-u", SystemUser, "--", program, .. arguments] : [.. arguments];

    private static async Task<int> ExitCodeAsync(string program, IReadOnlyList<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
