using SharpFuzz;

namespace Aizu.Fuzzing;

/// <summary>Lays out what afl-fuzz needs: an instrumented copy of this program and each target's seed folder.</summary>
public static class FuzzPreparation
{
    /// <summary>The folder of the instrumented copy, under the prepared directory.</summary>
    public const string ProgramFolder = "bin";

    /// <summary>The folder of the seed folders (one per target), under the prepared directory.</summary>
    public const string SeedFolder = "seeds";

    /// <summary>Copies this program into <paramref name="directory"/>, instruments the targets' assemblies in the copy and writes the seeds.</summary>
    public static void Prepare(string directory, string repositoryRoot, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var program = Path.Combine(directory, ProgramFolder);
        Directory.CreateDirectory(program);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory))
        {
            File.Copy(file, Path.Combine(program, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var assembly in FuzzTargets.All.SelectMany(t => t.Assemblies).Distinct(StringComparer.Ordinal))
        {
            var types = Fuzzer.Instrument(Path.Combine(program, assembly), _ => true, Options.Value);
            log.WriteLine($"instrumented {assembly}: {types.Count()} types");
        }

        foreach (var target in FuzzTargets.All)
        {
            var seeds = Path.Combine(directory, SeedFolder, target.Name);
            Directory.CreateDirectory(seeds);
            var count = 0;
            foreach (var (name, content) in SeedFiles.For(target, repositoryRoot))
            {
                File.WriteAllBytes(Path.Combine(seeds, name), content);
                count++;
            }

            log.WriteLine($"{target.Name}: {count} seeds");
        }
    }
}
