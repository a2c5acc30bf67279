namespace Aizu.FaultInjection.Tests.Clock;

/// <summary>
/// The wall clock as one gateway process sees it, stepped by the test while the process runs: <c>wallclock.c</c>,
/// compiled here with the system's C compiler and preloaded into that process only (this machine's clock is never
/// touched), adds the whole seconds of an offset file to every wall-clock read. The monotonic clock and every timed
/// wait are left alone, as a real step leaves them: that is how the gateway tells a step from time passing.
/// </summary>
internal sealed class SteppedWallClock : IDisposable
{
    private readonly TemporaryDirectory directory;
    private readonly string library;
    private readonly string file;
    private long offsetSeconds;

    private SteppedWallClock(TemporaryDirectory directory, string library)
    {
        this.directory = directory;
        this.library = library;
        file = Path.Combine(directory.Path, "offset");
    }

    /// <summary>What the process's clock reads now.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(Interlocked.Read(ref offsetSeconds));

    /// <summary>Builds the library to preload and a clock for a process that starts at <paramref name="at"/>.</summary>
    public static async Task<SteppedWallClock> StartingAtAsync(DateTimeOffset at)
    {
        var directory = new TemporaryDirectory("clock");
        var library = Path.Combine(directory.Path, "wallclock.so");
        var (exit, output) = await AizuProgram.RunAsync(
            directory.Path,
            ["cc", "-Wall", "-Wextra", "-Werror", "-shared", "-fPIC", "-O2", "-o", library, Path.Combine(AppContext.BaseDirectory, "Clock", "wallclock.c"), "-ldl"]);
        var clock = new SteppedWallClock(directory, library);
        if (exit != 0)
        {
            clock.Dispose();
            throw new InvalidOperationException($"cc could not build the wall-clock library (the clock tests need a C compiler, .ci/install-deps): {output}");
        }

        clock.Set(at);
        return clock;
    }

    /// <summary>What the gateway's environment needs: the preloaded library, its offset file, and the time zone.</summary>
    public Dictionary<string, string> Environment(string timeZone) => new()
    {
        ["LD_PRELOAD"] = library,
        ["AIZU_WALLCLOCK_OFFSET_FILE"] = file,
        ["TZ"] = timeZone,
    };

    /// <summary>Sets the clock to <paramref name="at"/>, as NTP stepping a wrong clock right would.</summary>
    public void Set(DateTimeOffset at) => Write((long)Math.Round((at - DateTimeOffset.UtcNow).TotalSeconds));

    /// <summary>Steps the clock by <paramref name="by"/> (negative: back).</summary>
    public void Step(TimeSpan by) => Write(Interlocked.Read(ref offsetSeconds) + (long)by.TotalSeconds);

    public void Dispose() => directory.Dispose();

    // Replaced, never rewritten in place: the process reads the file at any moment and must never see it half-written.
    private void Write(long seconds)
    {
        Interlocked.Exchange(ref offsetSeconds, seconds);
        string next = file + ".next";
        File.WriteAllText(next, seconds.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(next, file, overwrite: true);
    }
}
