namespace Aizu.Storage.Tests.Rollups;

public sealed class MinuteBlockCodecTests
{
    private static readonly long Hour = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static RollupAccumulator Minute(int index, IEnumerable<double> values, double? energy = null)
    {
        var bucket = new RollupAccumulator(Hour + (index * 60_000L));
        foreach (var value in values)
        {
            bucket.AddValue(value);
        }

        if (energy is { } e)
        {
            bucket.AddEnergy(e);
        }

        return bucket;
    }

    private static List<RollupAccumulator> RoundTrip(RollupAccumulator[] minutes)
    {
        var block = MinuteBlockCodec.Encode(Hour, minutes);
        var decoded = new List<RollupAccumulator>();
        MinuteBlockCodec.Decode(block, Hour, decoded);
        Assert.Equal(minutes.Length, decoded.Count);
        for (var i = 0; i < minutes.Length; i++)
        {
            // Bit for bit, except that a zero's sign is not kept (it adds and compares as the same number).
            Assert.Equal(minutes[i].Start, decoded[i].Start);
            Assert.Equal(minutes[i].Count, decoded[i].Count);
            Assert.Equal(minutes[i].HasEnergy, decoded[i].HasEnergy);
            Assert.True(minutes[i].Sum == decoded[i].Sum, $"minute {i}: sum {decoded[i].Sum}, expected {minutes[i].Sum}");
            if (minutes[i].Count > 0)
            {
                Assert.True(minutes[i].Min == decoded[i].Min && minutes[i].Max == decoded[i].Max, $"minute {i}: min/max differ");
            }

            Assert.True(minutes[i].Energy == decoded[i].Energy, $"minute {i}: energy {decoded[i].Energy}, expected {minutes[i].Energy}");
        }

        return decoded;
    }

    [Fact]
    public void A_full_hour_of_integer_watts_round_trips_in_a_few_bytes_a_minute()
    {
        var random = new Random(7);
        var minutes = Enumerable.Range(0, 60)
            .Select(m => Minute(m, Enumerable.Range(0, 60).Select(_ => Math.Round(800 + (200 * Math.Sin(m / 10.0)) + (25 * random.NextDouble())))))
            .ToArray();

        RoundTrip(minutes);

        // The row form costs about 40 bytes a minute.
        Assert.InRange(MinuteBlockCodec.Encode(Hour, minutes).Length, 60, 8 * 60);
    }

    [Fact]
    public void Gaps_negative_values_empty_minutes_with_energy_and_mixed_energy_round_trip()
    {
        RoundTrip(
        [
            Minute(0, [-5, -1_000_000, 3]),
            Minute(3, [], energy: 0.25),
            Minute(4, [0.1, 0.2, 0.7], energy: 0.1 + 0.2),
            Minute(17, [-0.001]),
            Minute(59, [42], energy: -3),
        ]);
    }

    [Fact]
    public void Edge_values_round_trip_through_the_xor_fallback()
    {
        RoundTrip(
        [
            Minute(1, [double.MaxValue, double.MinValue]),
            Minute(2, [double.Epsilon, 1e-300, -1e300]),
            Minute(3, [9_007_199_254_740_993d, 1]),
            Minute(4, [Math.PI], energy: double.MaxValue),
        ]);
    }

    [Fact]
    public void A_single_minute_and_large_counts_round_trip()
    {
        RoundTrip([Minute(30, Enumerable.Repeat(1.5, 100_000))]);
        RoundTrip([Minute(0, [1]), Minute(1, Enumerable.Repeat(2.0, 70_000)), Minute(2, [3])]);
    }

    [Fact]
    public void Empty_unordered_or_foreign_minutes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MinuteBlockCodec.Encode(Hour, []));
        Assert.Throws<ArgumentException>(() => MinuteBlockCodec.Encode(Hour, [Minute(2, [1]), Minute(1, [1])]));
        Assert.Throws<ArgumentException>(() => MinuteBlockCodec.Encode(Hour, [Minute(60, [1])]));
        Assert.Throws<ArgumentException>(() => MinuteBlockCodec.Encode(Hour, [new RollupAccumulator(Hour)]));
    }

    [Fact]
    public void A_truncated_or_foreign_block_is_refused()
    {
        var block = MinuteBlockCodec.Encode(Hour, Enumerable.Range(0, 60).Select(m => Minute(m, [m * 7.0, -m])).ToArray());
        Assert.Throws<InvalidDataException>(() => MinuteBlockCodec.Decode(block.AsSpan(0, block.Length / 2), Hour, []));
        Assert.Throws<InvalidDataException>(() => MinuteBlockCodec.Decode([2, 0, 0, 0, 0, 0, 0, 0, 1], Hour, []));
        Assert.Throws<InvalidDataException>(() => MinuteBlockCodec.Decode(new byte[9], Hour, []));
    }
}
