namespace Aizu.Packaging.Tests;

/// <summary>
/// Both packages, built once by <c>deploy/build-deb.sh all</c> for every test in the collection, as an
/// installer builds them. The build is timed, because it runs in every CI run.
/// </summary>
public sealed class DebianPackages : IAsyncLifetime, IDisposable
{
    // A cold self-contained publish of both architectures on a loaded 2-core CI machine.
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(15);

    private readonly TemporaryDirectory _output = new();

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Amd64 { get; private set; } = "";

    public string Arm64 { get; private set; } = "";

    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        // The Debug build 'dotnet test' has just made is reused; Release would compile every project again.
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
