namespace Aizu.Storage.Tests.Chunks;

public sealed class ChunkCodecTests
{
    private static readonly long T0 = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static void AssertRoundTrip(long[] timestamps, double[] values, byte[] qualities)
    {
        var chunk = ChunkCodec.Encode(timestamps, values, qualities);
        var header = ChunkCodec.ReadHeader(chunk);
        Assert.Equal(timestamps.Length, header.Count);
        Assert.Equal(timestamps[0], header.FirstMs);
        Assert.Equal(timestamps[^1], header.LastMs);

        var decodedTimestamps = new long[header.Count];
        var decodedValues = new double[header.Count];
        var decodedQualities = new byte[header.Count];
        ChunkCodec.Decode(chunk, decodedTimestamps, decodedValues, decodedQualities);

        Assert.Equal(timestamps, decodedTimestamps);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits).Select(b => b == long.MinValue ? 0 : b),
            decodedValues.Select(BitConverter.DoubleToInt64Bits).Select(b => b == long.MinValue ? 0 : b));
        Assert.Equal(qualities, decodedQualities);
    }

    private static long[] Timestamps(int[] gaps)
    {
        var timestamps = new long[gaps.Length];
        var t = T0;
        for (var i = 0; i < gaps.Length; i++)
        {
            t += gaps[i];
            timestamps[i] = t;
        }

        return timestamps;
    }

    [Fact]
    public void Arbitrary_doubles_and_irregular_timestamps_round_trip_bit_for_bit() =>
        Gen.Select(Gen.Int[1, 5_000_000].Array[1, 300], Gen.Double, Gen.Byte[0, 2])
            .SelectMany(t => Gen.Select(Gen.Double.Array[t.Item1.Length], Gen.Byte[0, 2].Array[t.Item1.Length]), (t, vq) => (t.Item1, vq.Item1, vq.Item2))
            .Sample(sample => AssertRoundTrip(Timestamps(sample.Item1), sample.Item2.Select(v => double.IsNaN(v) ? 0 : v).ToArray(), sample.Item3), iter: 500);

    [Fact]
    public void Integers_and_decimals_round_trip_exactly() =>
        Gen.Select(Gen.Int[1, 3_000], Gen.Int[0, 3])
            .SelectMany(p => Gen.Select(Gen.Int[1, 2_000].Array[p.Item1], Gen.Long[-5_000_000, 5_000_000].Array[p.Item1]), (p, arrays) => (p.Item2, arrays.Item1, arrays.Item2))
            .Sample(sample =>
            {
                var (scale, gaps, integers) = sample;
                var power = Math.Pow(10, scale);
                AssertRoundTrip(Timestamps(gaps), integers.Select(m => m / power).ToArray(), new byte[gaps.Length]);
            }, iter: 300);

    [Fact]
    public void Regular_integer_series_use_the_scaled_integer_encoding_and_little_space()
    {
        var random = new Random(7);
        var timestamps = Enumerable.Range(0, 3_600).Select(i => T0 + (i * 1_000L)).ToArray();
        var values = Enumerable.Range(0, 3_600).Select(_ => (double)(500 + random.Next(-20, 21))).ToArray();

        var chunk = ChunkCodec.Encode(timestamps, values, new byte[3_600]);

        Assert.Equal(ValueEncoding.ScaledInteger, ChunkCodec.ReadHeader(chunk).Encoding);
        // ±20 W noise: about 6.5 bits a value, next to nothing for the timestamps.
        Assert.True(chunk.Length < 3_600, $"{chunk.Length} bytes");
    }

    [Fact]
    public void Extreme_values_and_steps_round_trip()
    {
        long[] timestamps = [T0, T0 + 1, T0 + 1_000_000_000, T0 + 1_000_000_001, T0 + 1_000_000_002];
        AssertRoundTrip(timestamps, [0, 9e15, -9e15, 0, 1], [0, 1, 2, 1, 0]);
        AssertRoundTrip(timestamps, [double.MaxValue, double.MinValue, double.Epsilon, -0.0, 1e-300], [0, 0, 0, 0, 0]);
        AssertRoundTrip([T0], [42.5], [1]);
    }

    [Fact]
    public void Truncated_chunks_are_rejected_as_invalid_data()
    {
        var timestamps = Enumerable.Range(0, 100).Select(i => T0 + (i * 997L)).ToArray();
        var chunk = ChunkCodec.Encode(timestamps, timestamps.Select(t => t * 0.37).ToArray(), new byte[100]);
        var buffer = new long[100];

        Assert.Throws<InvalidDataException>(() => ChunkCodec.Decode(chunk.AsSpan(0, chunk.Length / 2), buffer, new double[100], new byte[100]));
        Assert.Throws<InvalidDataException>(() => ChunkCodec.ReadHeader(chunk.AsSpan(0, 10)));
    }
}
