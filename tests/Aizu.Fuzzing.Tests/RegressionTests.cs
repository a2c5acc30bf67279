namespace Aizu.Fuzzing.Tests;

/// <summary>
/// Every input that once crashed a target (tests/Aizu.Fuzzing/Regressions/&lt;target&gt;/) and every seed taken from the
/// real captures goes through its target without an exception escaping. In process and uninstrumented: a second or two.
/// </summary>
public sealed class RegressionTests
{
    public static TheoryData<string> Targets => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Regression_inputs_and_seeds_pass_through_the_target(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var seeds = SeedFiles.For(target, RepositoryFolders.Root).ToList();
        var regressions = Directory.Exists(RepositoryFolders.Regressions(name))
            ? Directory.EnumerateFiles(RepositoryFolders.Regressions(name)).Select(f => (Name: Path.GetFileName(f), Content: File.ReadAllBytes(f))).ToList()
            : [];

        Assert.NotEmpty(seeds);
        var crashes = seeds.Concat(regressions)
            .Select(input => (input.Name, Exception: Replay.Crash(target, input.Content)))
            .Where(r => r.Exception is not null)
            .Select(r => $"{r.Name}: {r.Exception!.GetType().Name}: {r.Exception.Message}")
            .ToList();
        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes));
    }

    [Fact]
    public void The_configuration_target_has_the_inputs_the_fuzzer_found()
    {
        // A key given twice and a name in Latin-1 each made `aizu run` end in a stack trace.
        Assert.True(Directory.EnumerateFiles(RepositoryFolders.Regressions("config")).Count() >= 2);
    }
}
