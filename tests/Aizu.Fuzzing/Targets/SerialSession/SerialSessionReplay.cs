namespace Aizu.Fuzzing;

/// <summary>
/// Runs a serial meter driver (<see cref="SerialMeterSource{TReadout, TErrorKind}"/>: framing, resynchronising,
/// silence, reopening and counting, then the meter's parser and mapper) on a recording of its line, as <c>aizu run</c>
/// runs it. The driver's clock is fake and moves on with every read, so a recording replays in microseconds and the
/// same way every time; its pauses before reopening the port are passed over. Only what the driver's loop handles
/// itself may happen: any exception that leaves it, and a driver that neither reads nor ends, is a defect.
/// </summary>
public static class SerialSessionReplay
{
    /// <summary>Where the fake clock starts: a trusted time, so every accepted frame is mapped.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Fake time each read takes (one line, or 64 bytes of a binary frame).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private const int MaxPauses = 10_000;

    /// <summary>
    /// Options as the replays use them: every accepted frame is due for all its readings (no thinning, so what the
    /// driver emits can be checked frame by frame), and the meter counts as silent after 5 s of the fake clock, 250
    /// reads, so long noise makes the driver reopen the port.
    /// </summary>
    public static TOptions Options<TOptions>()
        where TOptions : SerialMeterOptions, new() => new()
        {
            DevicePath = "/dev/ttyFUZZ",
            PowerInterval = TimeSpan.Zero,
            EnergyInterval = TimeSpan.Zero,
            SilenceTimeout = TimeSpan.FromSeconds(5),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };

    /// <summary>Runs the driver <paramref name="create"/> makes (from its clock and its way to open the port) on
    /// <paramref name="line"/> until the recording ends.</summary>
    /// <exception cref="TimeoutException">The driver waited without reading more than <see cref="MaxPauses"/> times (a hang).</exception>
    public static SerialSessionOutcome Run<TReadout, TErrorKind>(
        ReadOnlySpan<byte> line, Func<TimeProvider, Func<string, Stream>, SerialMeterSource<TReadout, TErrorKind>> create)
        where TErrorKind : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(create);
        var time = new FakeTimeProvider(Start);
        using var stop = new CancellationTokenSource();
        // At most 64 bytes a read: 67 ms of a 9600 baud line, about what one read of a real port returns.
        var stream = new ScriptedLineStream(line.ToArray(), time, Step, stop.Cancel, maxRead: 64);
        var opens = 0;
        Stream Open(string path)
        {
            // A reopened port goes on where the line was: a meter keeps sending while the driver reopens.
            opens++;
            if (stream.AtEnd)
            {
                stop.Cancel();
                throw new IOException($"{path} was played to its end.");
            }

            return stream;
        }

        var driver = create(time, Open);
        var output = Channel.CreateUnbounded<Reading>();
        var run = driver.RunAsync(output.Writer, stop.Token);

        // Reads complete at once, so the driver only stops on a pause of its own (before reopening the port): move the
        // clock past it.
        for (var pauses = 0; !run.IsCompleted; pauses++)
        {
            if (pauses == MaxPauses)
            {
                stop.Cancel();
                throw new TimeoutException($"The driver paused {MaxPauses} times without reading the recording on.");
            }

            time.Advance(TimeSpan.FromSeconds(1));
            SpinWait.SpinUntil(() => run.IsCompleted, 1);
        }

        run.GetAwaiter().GetResult();
        output.Writer.Complete();
        var readings = new List<Reading>();
        while (output.Reader.TryRead(out var reading))
        {
            readings.Add(reading);
        }

        var statistics = driver.Statistics;
        return new SerialSessionOutcome(
            readings, statistics.FramesAccepted, statistics.FramesRejected, statistics.FramesDiscarded, statistics.SilentPeriods, opens, time.GetUtcNow());
    }
}
