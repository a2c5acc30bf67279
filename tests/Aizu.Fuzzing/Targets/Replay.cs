namespace Aizu.Fuzzing;

/// <summary>Runs a target once on saved inputs (a crash afl-fuzz found, a regression), outside afl-fuzz.</summary>
public static class Replay
{
    /// <summary>Runs <paramref name="target"/> on each file of <paramref name="paths"/> (files, or folders of files); returns how many crashed.</summary>
    public static int Run(FuzzTarget target, IEnumerable<string> paths, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(log);
        var crashes = 0;
        foreach (var file in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p) : [p]).Order(StringComparer.Ordinal))
        {
            if (Crash(target, File.ReadAllBytes(file)) is { } exception)
            {
                crashes++;
                log.WriteLine($"{file}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        return crashes;
    }

    /// <summary>The exception <paramref name="target"/> lets escape for <paramref name="input"/>, or null.</summary>
    public static Exception? Crash(FuzzTarget target, byte[] input)
    {
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            target.Run(input);
            return null;
        }
#pragma warning disable CA1031 // Any exception that escapes a target is what the fuzzer looks for.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception;
        }
    }
}
