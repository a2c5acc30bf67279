namespace Aizu.Hardware.Pulse.Tests;

public sealed class DebouncerTests
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(15);

    [Fact]
    public void CleanPulse_CountsOnceOnItsRisingEdge()
    {
        var (time, debouncer) = Create();

        Assert.False(Edge(debouncer, time, PinEventTypes.Falling, 0));
        Assert.True(Edge(debouncer, time, PinEventTypes.Rising, 30));
    }

    [Fact]
    public void BounceAtBothEnds_StillCountsOnce()
    {
        var (time, debouncer) = Create();
        double[] lows = [0, 1, 2];
        double[] highs = [0.5, 1.5, 30, 31, 32];
        var edges = lows.Select(t => (t, PinEventTypes.Falling)).Concat(highs.Select(t => (t, PinEventTypes.Rising)))
            .Concat([(30.5, PinEventTypes.Falling), (31.5, PinEventTypes.Falling)]).OrderBy(e => e.Item1);

        int pulses = edges.Count(e => Edge(debouncer, time, e.Item2, e.Item1));

        Assert.Equal(1, pulses);
        Assert.Equal(4, debouncer.Rejected);
    }

    [Fact]
    public void RisingEdgeWithoutFallingFirst_IsNotAPulse()
    {
        var (time, debouncer) = Create();
        Assert.False(Edge(debouncer, time, PinEventTypes.Rising, 100));
    }

    [Fact]
    public void AnyTrainOfBouncedPulses_CountsEachPulseExactlyOnce()
    {
        // Pulses of 30-100 ms, 100 ms or more apart, each end bouncing up to 5 times within 5 ms.
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 5], Gen.Double[0.1, 1.0]).Sample((count, bounces, gap) =>
        {
            var (time, debouncer) = Create();
            var edges = new List<(double At, PinEventTypes Type)>();
            for (int p = 0; p < count; p++)
            {
                double start = p * 200.0;
                double end = start + 30 + (p % 7 * 10);
                edges.Add((start, PinEventTypes.Falling));
                for (int k = 1; k <= bounces; k++)
                {
                    edges.Add((start + (k * gap) - (gap / 2), PinEventTypes.Rising));
                    edges.Add((start + (k * gap), PinEventTypes.Falling));
                }

                edges.Add((end, PinEventTypes.Rising));
                for (int k = 1; k <= bounces; k++)
                {
                    edges.Add((end + (k * gap) - (gap / 2), PinEventTypes.Falling));
                    edges.Add((end + (k * gap), PinEventTypes.Rising));
                }
            }

            int counted = edges.OrderBy(e => e.At).Count(e => Edge(debouncer, time, e.Type, e.At));
            Assert.Equal(count, counted);
        });
    }

    private static (FakeTimeProvider Time, PulseDebouncer Debouncer) Create() => (new FakeTimeProvider(), new PulseDebouncer(Debounce));

    private static bool Edge(PulseDebouncer debouncer, FakeTimeProvider time, PinEventTypes type, double milliseconds)
    {
        long at = (long)(milliseconds * TimeSpan.TicksPerMillisecond);
        return debouncer.OnEdge(type, at, time);
    }
}
