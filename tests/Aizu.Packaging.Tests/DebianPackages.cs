namespace Aizu.Packaging.Tests;

/// <summary>
/// Both packages, built once by <c>deploy/build-deb.sh all</c> for every test in the collection, as an
/// installer builds them. The build is timed, because it runs in every CI run.
/// </summary>
public sealed class DebianPackages : IAsyncLifetime, IDisposable
{
    // Two cold Native AOT publishes (Debug: the AOT compiler does not optimise) on a loaded 2-core CI machine.
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(30);

    private readonly TemporaryDirectory _output = new();

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Amd64 { get; private set; } = "";

    public string Arm64 { get; private set; } = "";

    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        // Debug: the same Native AOT program, compiled without optimisation in a fraction of Release's time.
        var result = await Command.SucceedAsync(
            "bash",
            [Path.Combine(RepositoryRoot, "deploy", "build-deb.sh"), "all", _output.Path],
            BuildLimit,
            RepositoryRoot,
            new Dictionary<string, string> { ["AIZU_DEB_CONFIGURATION"] = "Debug" });
        BuildTime = clock.Elapsed;
        var packages = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Amd64 = Assert.Single(packages, p => p.EndsWith("_amd64.deb", StringComparison.Ordinal));
        Arm64 = Assert.Single(packages, p => p.EndsWith("_arm64.deb", StringComparison.Ordinal));
        BuildLog = result.Error;
    }

    /// <summary>What build-deb.sh said about each publish (their times).</summary>
    public string BuildLog { get; private set; } = "";

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _output.Dispose();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "deploy", "build-deb.sh")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("deploy/build-deb.sh was not found above the test's directory.");
    }
}
