namespace Aizu.Fuzzing.Tests;

/// <summary>Where the repository and the fuzz program's own build are, seen from the running tests.</summary>
internal static class RepositoryFolders
{
    /// <summary>The folder holding Aizu.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The regression inputs of <paramref name="target"/>: inputs that once crashed it, kept as files.</summary>
    public static string Regressions(string target) => Path.Combine(Root, "tests", "Aizu.Fuzzing", "Regressions", target);

    /// <summary>
    /// The fuzz program as its own project built it, with its runtime configuration (this test's output lacks it), in
    /// the configuration these tests were built in.
    /// </summary>
    public static string FuzzProgram()
    {
        // …/tests/Aizu.Fuzzing.Tests/bin/<Configuration>/<framework>/
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!.Name;
        return Path.Combine(Root, "tests", "Aizu.Fuzzing", "bin", configuration, framework.Name, "Aizu.Fuzzing.dll");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Aizu.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Aizu.sln above {AppContext.BaseDirectory}.");
    }
}
