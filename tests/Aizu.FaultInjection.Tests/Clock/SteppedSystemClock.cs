using System.Diagnostics;
using System.Globalization;

namespace Aizu.FaultInjection.Tests.Clock;

/// <summary>
/// The system clock as one gateway process sees it, stepped by the test while the process runs: libfaketime
/// (LD_PRELOAD, that process only; this machine's clock is never touched) reads the clock's offset from a file at
/// every call. The monotonic clock is left alone, as a real clock step leaves it, because that is how the gateway
/// tells a step from time passing. Needs the Debian package <c>libfaketime</c> (.ci/install-deps); fails without it.
/// </summary>
internal sealed class SteppedSystemClock : IDisposable
{
    private readonly TemporaryDirectory _directory = new("clock");
    private readonly string _file;
    private long _offsetSeconds;

    private SteppedSystemClock(DateTimeOffset at)
    {
        _file = _directory.File("faketime");
        Set(at);
    }

    /// <summary>What the process's clock reads now.</summary>
    public DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(_offsetSeconds);

    /// <summary>A clock for a process that starts at <paramref name="at"/>.</summary>
    public static SteppedSystemClock StartingAt(DateTimeOffset at) => new(at);

    /// <summary>What the gateway's environment needs: the preloaded library, its offset file, and the time zone.</summary>
    public Dictionary<string, string> Environment(string timeZone) => new()
    {
        ["LD_PRELOAD"] = Library.Value,
        ["FAKETIME_TIMESTAMP_FILE"] = _file,
        // Read the file at every call, so a step lands at once, not after libfaketime's default 10 s cache.
        ["FAKETIME_NO_CACHE"] = "1",
        ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",
        // File times as the kernel keeps them; only the clock is under test.
        ["NO_FAKE_STAT"] = "1",
        ["TZ"] = timeZone,
    };

    /// <summary>Sets the clock to <paramref name="at"/>, as NTP stepping a wrong clock right would.</summary>
    public void Set(DateTimeOffset at) => Write((long)Math.Round((at - DateTimeOffset.UtcNow).TotalSeconds));

    /// <summary>Steps the clock by <paramref name="by"/> (negative: back).</summary>
    public void Step(TimeSpan by) => Write(_offsetSeconds + (long)by.TotalSeconds);

    public void Dispose() => _directory.Dispose();

    // Replaced, never rewritten in place: the process reads the file at any moment and must never see it half-written.
    private void Write(long offsetSeconds)
    {
        _offsetSeconds = offsetSeconds;
        string next = _file + ".next";
        File.WriteAllText(next, offsetSeconds.ToString("+0;-0", CultureInfo.InvariantCulture) + "\n");
        File.Move(next, _file, overwrite: true);
    }

    // Where Debian put it for this machine's architecture.
    private static readonly Lazy<string> Library = new(() =>
    {
        var info = new ProcessStartInfo("dpkg", ["-L", "libfaketime"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string listing;
        try
        {
            using var dpkg = Process.Start(info)!;
            listing = dpkg.StandardOutput.ReadToEnd();
            dpkg.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"The clock tests need libfaketime from Debian (.ci/install-deps), and dpkg cannot be run: {exception.Message}");
        }

        return listing.Split('\n').FirstOrDefault(l => l.EndsWith("/libfaketime.so.1", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The clock tests need the Debian package libfaketime (.ci/install-deps installs it).");
    });
}
