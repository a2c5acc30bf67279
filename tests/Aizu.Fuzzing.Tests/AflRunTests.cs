namespace Aizu.Fuzzing.Tests;

/// <summary>
/// Runs each target under afl-fuzz (AFL++, instrumented by SharpFuzz) from the real-capture seeds for a bounded time
/// and requires no crash and no hang. A crash fails the test with the input, replayed in one line, and the input file
/// to copy into tests/Aizu.Fuzzing/Regressions/&lt;target&gt;/.
/// </summary>
public sealed class AflRunTests(ITestOutputHelper output)
{
    // afl-fuzz: the target is `dotnet`, instrumented through SharpFuzz rather than at compile time; no UI; no
    // checks of the machine's CPU governor, core dump handler or free cores, which CI does not control.
    private static readonly Dictionary<string, string> AflSettings = new()
    {
        ["AFL_SKIP_BIN_CHECK"] = "1", ["AFL_NO_UI"] = "1", ["AFL_SKIP_CPUFREQ"] = "1",
        ["AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES"] = "1", ["AFL_NO_AFFINITY"] = "1", ["AFL_FAST_CAL"] = "1",
    };

    /// <summary>Seconds per target; CI keeps the default so all nine take under two and a half minutes.</summary>
    private static readonly int Seconds = int.TryParse(Environment.GetEnvironmentVariable("AIZU_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 15;

    [Fact]
    public async Task Every_target_runs_under_afl_fuzz_without_a_crash()
    {
        var program = RepositoryFolders.FuzzProgram();
        Assert.True(File.Exists(program), $"{program} is missing: build tests/Aizu.Fuzzing in the tests' configuration.");
        Assert.True(FindOnPath("afl-fuzz") is not null, "afl-fuzz is not installed: run .ci/install-deps (Debian package afl++).");

        using var work = new TemporaryDirectory("fuzz");
        var (prepared, log) = await RunAsync("dotnet", [program, "prepare", work.Path, RepositoryFolders.Root], TimeSpan.FromMinutes(2));
        Assert.True(prepared == 0, log);

        var failures = new List<string>();
        foreach (var target in FuzzTargets.All)
        {
            var findings = Directory.CreateDirectory(Path.Combine(work.Path, "findings")).FullName + "/" + target.Name;
            var fuzzed = Path.Combine(work.Path, FuzzPreparation.ProgramFolder, "Aizu.Fuzzing.dll");
            var (code, text) = await RunAsync(
                "afl-fuzz",
                ["-V", Seconds.ToString(CultureInfo.InvariantCulture), "-t", "10000", "-m", "none",
                 "-i", Path.Combine(work.Path, FuzzPreparation.SeedFolder, target.Name), "-o", findings, "--", "dotnet", fuzzed, target.Name],
                TimeSpan.FromSeconds(Seconds + 90));
            var stats = ReadStats(Path.Combine(findings, "default", "fuzzer_stats"));
            if (code != 0 || stats is null)
            {
                failures.Add($"{target.Name}: afl-fuzz exited {code}: {Tail(text)}");
                continue;
            }

            output.WriteLine($"{target.Name}: {stats["execs_done"]} executions in {Seconds} s, {stats["corpus_count"]} inputs in the corpus, {stats["saved_crashes"]} crashes, {stats["saved_hangs"]} hangs");
            foreach (var kind in new[] { "crashes", "hangs" })
            {
                foreach (var input in Directory.EnumerateFiles(Path.Combine(findings, "default", kind), "id:*"))
                {
                    var exception = Replay.Crash(target, File.ReadAllBytes(input));
                    failures.Add($"{target.Name} {kind[..^1]}: {Convert.ToBase64String(File.ReadAllBytes(input))} ({exception?.GetType().Name}: {exception?.Message})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static Dictionary<string, string>? ReadStats(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path)
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.Ordinal)
            : null;

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        try
        {
            var result = await Command.RunAsync(file, arguments, limit, environment: AflSettings);
            return (result.ExitCode, result.Printed);
        }
        catch (TimeoutException timeout)
        {
            return (-1, timeout.Message);
        }
    }
}
