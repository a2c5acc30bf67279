using Microsoft.Extensions.Options;

namespace Aizu.Fuzzing;

/// <summary>
/// The whole B-route driver — init, scan, join, register, backfill, polling, re-authentication, session loss — run on a
/// transcript of what a dongle wrote, as <c>aizu run</c> runs it: the first byte picks the firmware dialect (even:
/// BP35A1, odd: BP35C0), the rest is the dongle's serial output. The driver's clock is fake and moves on with every
/// line read, so a transcript replays in microseconds and the same way every time; its retry pauses are passed over.
/// Only what the driver's loop handles itself may happen: any exception that leaves it, and a driver that neither
/// reads nor ends, is a defect.
/// </summary>
public static class BRouteSessionReplay
{
    /// <summary>The household's B-route ID and password the recorded transcripts were made with.</summary>
    public const string RouteBId = "00112233445566778899AABBCCDDEEFF";

    /// <summary>The simulated meter's B-route password.</summary>
    public const string Password = "0123456789AB";

    // The recorder polls power and energy every round as here, and each line read takes a whole round: the driver asks
    // again as soon as it has its answers, so a transcript's answers meet the requests they were recorded for.
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
    private const int MaxPauses = 10_000;

    /// <summary>Runs the driver on <paramref name="data"/> until the transcript ends; <paramref name="logger"/> sees what
    /// the driver logs (none while fuzzing; a developer looking into an input passes one).</summary>
    /// <exception cref="TimeoutException">The driver waited without reading more than <see cref="MaxPauses"/> times (a hang).</exception>
    public static SessionReplayOutcome Run(ReadOnlySpan<byte> data, ILogger<BRouteDriver>? logger = null)
    {
        if (data.IsEmpty)
        {
            return new SessionReplayOutcome(new Dictionary<string, int>(), 0, 0);
        }

        var time = new FakeTimeProvider(Start);
        using var stop = new CancellationTokenSource();
        var stream = new ScriptedDongleStream(data[1..].ToArray(), time, Step, stop.Cancel);
        var opened = false;
        Stream Open(string path)
        {
            if (opened)
            {
                // The driver reopens the port after a fault: the transcript was played once, that is the end.
                stop.Cancel();
                throw new IOException($"{path} was played once.");
            }

            opened = true;
            return stream;
        }

        var options = new BRouteOptions
        {
            DevicePath = "/dev/ttyFUZZ",
            Dialect = (data[0] & 1) == 0 ? SkstackDialect.Bp35A1 : SkstackDialect.Bp35C0,
            RouteBId = RouteBId,
            Password = Password,
            PowerInterval = Step,
            EnergyInterval = Step,
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
        var output = Channel.CreateUnbounded<Reading>();
        var driver = new BRouteDriver(Options.Create(options), new MemoryPanStore(), time, logger ?? NullLogger<BRouteDriver>.Instance, Open);
        var run = driver.RunAsync(output.Writer, stop.Token);

        // Reads complete at once, so the driver only stops on a pause of its own (a retry after a failed scan or join):
        // move the clock past it.
        for (var pauses = 0; !run.IsCompleted; pauses++)
        {
            if (pauses == MaxPauses)
            {
                stop.Cancel();
                throw new TimeoutException($"The driver paused {MaxPauses} times without reading the transcript on.");
            }

            time.Advance(options.MaxRetryDelay);
            SpinWait.SpinUntil(() => run.IsCompleted, 1);
        }

        run.GetAwaiter().GetResult();
        output.Writer.Complete();
        var readings = new Dictionary<string, int>(StringComparer.Ordinal);
        while (output.Reader.TryRead(out var reading))
        {
            readings[reading.Series] = readings.GetValueOrDefault(reading.Series) + 1;
        }

        return new SessionReplayOutcome(readings, stream.Written, stream.Joins);
    }
}
