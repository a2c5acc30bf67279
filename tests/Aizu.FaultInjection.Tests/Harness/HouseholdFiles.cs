namespace Aizu.FaultInjection.Tests.Harness;

/// <summary>What a household's directory holds, looked at after a kill.</summary>
internal static class HouseholdFiles
{
    /// <summary>
    /// The empty files below <paramref name="home"/>, relative to it. SQLite's write-ahead log and index may be empty,
    /// and a left-over temporary file of an interrupted atomic write (".name.random.tmp") is not the file.
    /// </summary>
    public static List<string> Empty(string home) =>
        [.. Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length == 0 && !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)
                && !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(home, f))];
}
