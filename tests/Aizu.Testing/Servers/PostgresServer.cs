using System.Diagnostics;
using System.Globalization;

namespace Aizu.Testing;

/// <summary>
/// A real Debian PostgreSQL 15 cluster made by a test: <c>initdb</c> into a temporary directory, the
/// server on a free loopback port with its unix socket in that directory, stopped and deleted on
/// dispose. Fails, never skips, when PostgreSQL is not installed: run <c>sudo bash .ci/install-deps</c>.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, and CI runs as root: then the directory is handed to the
/// <c>postgres</c> system user and every PostgreSQL program runs through <c>runuser -u postgres --</c>.
/// The cluster's superuser is <see cref="User"/> with trust authentication: it listens on loopback and
/// a socket in a temporary directory only, for the test's lifetime.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Where Debian's postgresql-15 package installs the server programs.</summary>
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>The superuser initdb creates.</summary>
    public const string User = "aizu";

    private const string RunUser = "/usr/sbin/runuser";
    private const string SystemUser = "postgres";
    private readonly ServerProcess server;
    private readonly string bin;

    private PostgresServer(ServerProcess server, string bin, string directory, int port)
    {
        this.server = server;
        this.bin = bin;
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
    /// Makes a cluster and starts it. <paramref name="durable"/> false (tests) turns off fsync and
    /// synchronous commit: a test's data need not outlive a power cut, and the disk is shared with other
    /// builds. The benchmark passes true to measure what a city would run.
    /// </summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or initdb failed.</exception>
    public static async Task<PostgresServer> StartAsync(bool durable = false, string bin = DefaultBinDirectory)
    {
        var postgres = Path.Combine(bin, "postgres");
        var asRoot = !OperatingSystem.IsWindows() && Environment.UserName == "root";

        // Checked here so a missing server names itself, not runuser.
        ServerProcess.For(postgres, [], "The city ingest tests need the real Debian PostgreSQL 15");
        var directory = Path.Combine(Path.GetTempPath(), $"aizu-postgres-{Guid.NewGuid():N}");
        var data = Path.Combine(directory, "data");
        System.IO.Directory.CreateDirectory(directory);
        if (asRoot)
        {
            await RunAsync("/usr/bin/chown", [SystemUser, directory]);
        }

        await RunAsync(asRoot ? RunUser : Path.Combine(bin, "initdb"),
            Wrap(asRoot, Path.Combine(bin, "initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]));

        var port = FreePort.Next();
        List<string> settings =
        [
            "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "shared_buffers=128MB",
            "-c", "log_min_messages=warning", "-c", "logging_collector=off",
        ];
        if (!durable)
        {
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var process = asRoot
            ? ServerProcess.For(RunUser, Wrap(true, postgres, settings), "The city ingest tests need runuser to start PostgreSQL as a non-root user")
            : ServerProcess.For(postgres, settings, "The city ingest tests need the real Debian PostgreSQL 15");
        var server = new PostgresServer(process, bin, directory, port);
        process.Start();
        await Eventually.TrueAsync(async () =>
        {
            if (process.ExitCode is { } exit)
            {
                throw new InvalidOperationException($"postgres exited with {exit}: {process.Output}");
            }

            // The socket appears before recovery ends ("the database system is starting up"); pg_isready waits for connections to be accepted.
            return File.Exists(Path.Combine(directory, $".s.PGSQL.{port}"))
                && await ExitCodeAsync(Path.Combine(bin, "pg_isready"), ["-q", "-h", directory, "-p", port.ToString(CultureInfo.InvariantCulture), "-U", User]) == 0;
        }, TimeSpan.FromSeconds(60), () => $"postgres to listen on {port}: {process.Output}");
        return server;
    }

    /// <summary>Creates an empty database (each test its own, so tests on one cluster do not see each other's rows).</summary>
    public async Task CreateDatabaseAsync(string name)
    {
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
        ServerProcess.DeleteDirectory(Directory);
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
