namespace Aizu.Testing.SerialMeters;

/// <summary>
/// Feeds a serial meter driver mutated real frames, one at a time, over its simulated meter's pseudo-terminal, and
/// checks that each is accepted and that every value it did not touch is stored. The driver runs on a fake clock moved
/// on a second before each frame, so the readings of one frame share one timestamp.
/// </summary>
public static class MutationRun
{
    /// <summary>The instant the fake clock starts at; the oracle's decoder stamps readings with it too.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan FrameLimit = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="count"/> frames made by <paramref name="next"/> (given the frame's index) through
    /// the harness's driver; returns how many values the driver skipped.</summary>
    public static async Task<long> RunAsync<TDriver, TReadout, TErrorKind>(
        SerialMeterHarness<TDriver, TReadout, TErrorKind> harness,
        int count,
        int seed,
        Func<int, MutatedFrame> next)
        where TDriver : Aizu.Hardware.Serial.Meters.SerialMeterSource<TReadout, TErrorKind>
        where TErrorKind : struct, Enum
    {
        var time = new FakeTimeProvider(Start);

        // The simulator's own frames would interleave with the mutated ones, and a fake clock that only moves per
        // frame must not make the driver think the meter fell silent.
        harness.Meter.SetSilent(true);
        harness.Options.SilenceTimeout = TimeSpan.FromHours(1);
        harness.StartDriver(time);
        await harness.WaitUntilAsync(() => harness.Log.Contains(LogLevel.Information, "open at"), "the driver opened the port");
        var stamped = new StampedReadings(harness.Readings);

        for (int i = 0; i < count; i++)
        {
            var frame = next(i);
            time.Advance(TimeSpan.FromSeconds(1));
            await harness.Meter.SendGarbageAsync(frame.Bytes, CancellationToken.None);
            var statistics = harness.Statistics;
            await stamped.ExpectAsync(
                time.GetUtcNow(),
                () => statistics.FramesAccepted + statistics.FramesRejected > i,
                frame.Expected,
                $"Mutation {i} (seed {seed}): {frame.What}",
                () => $"Accepted {statistics.FramesAccepted}, rejected {statistics.FramesRejected} ({statistics.LastRejection}), discarded {statistics.FramesDiscarded}.",
                FrameLimit);
        }

        await harness.WaitUntilAsync(() => harness.Statistics.FramesAccepted == count, $"all {count} frames were accepted");
        Assert.Equal(0, harness.Statistics.FramesRejected);
        return harness.Statistics.ValuesSkipped;
    }
}
