namespace Aizu.Storage;

/// <summary>
/// Encodes a run of one series' points (strictly increasing timestamps) into a compact, self-describing
/// byte array and back. Pure: no I/O, no state.
/// </summary>
/// <remarks>
/// Layout (version 1): a 24-byte header — version, value encoding, decimal scale, Rice parameter,
/// count (uint32 LE), first and last timestamp (int64 LE, Unix ms) — then one bit stream of three parts:
/// <list type="number">
/// <item>Timestamps as delta-of-delta. The first delta is Exp-Golomb coded; after it the stream
/// alternates "how many zero delta-of-deltas follow" and "the next non-zero one" (zigzag,
/// Exp-Golomb), so a perfectly regular series costs a few bits per chunk rather than one per point.</item>
/// <item>Values. <see cref="ValueEncoding.ScaledInteger"/> when every value times 10^s (s ≤ 6) is an
/// integer that divides back to exactly the same double: deltas, zigzagged, Rice-coded with the
/// parameter k that makes the chunk smallest. Byte-aligned varints would cost at least 8 bits per
/// value; noisy household power needs about 7. Quotients of 20 or more escape to a raw 64-bit value so a
/// 1.5 kW step costs 85 bits, not 50 ones. Otherwise <see cref="ValueEncoding.Xor"/>, Gorilla's scheme.</item>
/// <item>Qualities as runs (count of runs, then value and length of each), almost always one run.</item>
/// </list>
/// </remarks>
internal static class ChunkCodec
{
    public const int HeaderSize = 24;
    private const byte FormatVersion = 1;
    private const int MaxScale = 6;
    private const int RiceEscape = 20;

    // Doubles hold integers exactly up to 2^53; beyond that scaling could not round-trip.
    private const double MaxExactInteger = 9_007_199_254_740_992d;

    private static readonly double[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    public static ChunkHeader ReadHeader(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < HeaderSize || chunk[0] != FormatVersion || chunk[1] > (byte)ValueEncoding.Xor)
        {
            throw new InvalidDataException("Not a version 1 chunk.");
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
        if (count is 0 or > int.MaxValue)
        {
            throw new InvalidDataException($"The chunk claims {count} points.");
        }

        return new ChunkHeader(
            (int)count,
            BinaryPrimitives.ReadInt64LittleEndian(chunk[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(chunk[16..]),
            (ValueEncoding)chunk[1]);
    }

    /// <summary>Encodes the points; <paramref name="timestamps"/> must be strictly increasing.</summary>
    public static byte[] Encode(ReadOnlySpan<long> timestamps, ReadOnlySpan<double> values, ReadOnlySpan<byte> qualities)
    {
        var count = timestamps.Length;
        if (count == 0 || values.Length != count || qualities.Length != count)
        {
            throw new ArgumentException("A chunk needs at least one point and as many values and qualities as timestamps.", nameof(timestamps));
        }

        // Worst cases: 129 bits per timestamp, 85 per value, 130 per quality run, plus the header.
        var scratch = ArrayPool<byte>.Shared.Rent(HeaderSize + 16 + (count * 44));
        try
        {
            var scaled = ArrayPool<long>.Shared.Rent(count);
            try
            {
                var scale = FindScale(values, scaled);
                var encoding = scale >= 0 ? ValueEncoding.ScaledInteger : ValueEncoding.Xor;
                var rice = encoding == ValueEncoding.ScaledInteger ? ChooseRiceParameter(scaled.AsSpan(0, count)) : 0;

                scratch[0] = FormatVersion;
                scratch[1] = (byte)encoding;
                scratch[2] = (byte)Math.Max(scale, 0);
                scratch[3] = (byte)rice;
                BinaryPrimitives.WriteUInt32LittleEndian(scratch.AsSpan(4), (uint)count);
                BinaryPrimitives.WriteInt64LittleEndian(scratch.AsSpan(8), timestamps[0]);
                BinaryPrimitives.WriteInt64LittleEndian(scratch.AsSpan(16), timestamps[^1]);

                var bits = new BitWriter(scratch, HeaderSize);
                WriteTimestamps(ref bits, timestamps);
                if (encoding == ValueEncoding.ScaledInteger)
                {
                    WriteIntegers(ref bits, scaled.AsSpan(0, count), rice);
                }
                else
                {
                    WriteXor(ref bits, values);
                }

                WriteQualities(ref bits, qualities);
                var length = bits.Flush();
                return scratch.AsSpan(0, length).ToArray();
            }
            finally
            {
                ArrayPool<long>.Shared.Return(scaled);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Decodes into the spans, which must hold at least the header's count; returns the count.</summary>
    public static int Decode(ReadOnlySpan<byte> chunk, Span<long> timestamps, Span<double> values, Span<byte> qualities)
    {
        var header = ReadHeader(chunk);
        var count = header.Count;
        if (timestamps.Length < count || values.Length < count || qualities.Length < count)
        {
            throw new ArgumentException("The destination is smaller than the chunk.", nameof(timestamps));
        }

        var scale = chunk[2];
        var rice = chunk[3];
        if (scale > MaxScale || rice > 63)
        {
            throw new InvalidDataException("The chunk's value parameters are out of range.");
        }

        var bits = new BitReader(chunk[HeaderSize..]);
        ReadTimestamps(ref bits, header.FirstMs, timestamps[..count]);
        if (timestamps[count - 1] != header.LastMs)
        {
            throw new InvalidDataException("The chunk's timestamps do not end where its header says.");
        }

        if (header.Encoding == ValueEncoding.ScaledInteger)
        {
            ReadIntegers(ref bits, values[..count], rice, PowersOfTen[scale]);
        }
        else
        {
            ReadXor(ref bits, values[..count]);
        }

        ReadQualities(ref bits, qualities[..count]);
        return count;
    }

    /// <summary>The smallest decimal scale at which every value is an exact integer, or -1.</summary>
    private static int FindScale(ReadOnlySpan<double> values, long[] scaled)
    {
        // Whole numbers (watts) first, without the division the scaled check needs.
        var whole = true;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!(Math.Abs(value) <= MaxExactInteger) || Math.Round(value) != value)
            {
                whole = false;
                break;
            }

            scaled[i] = (long)value;
        }

        if (whole)
        {
            return 0;
        }

        for (var scale = 1; scale <= MaxScale; scale++)
        {
            var power = PowersOfTen[scale];
            var exact = true;
            for (var i = 0; i < values.Length; i++)
            {
                var m = Math.Round(values[i] * power);
                if (!(Math.Abs(m) <= MaxExactInteger) || m / power != values[i])
                {
                    exact = false;
                    break;
                }

                scaled[i] = (long)m;
            }

            if (exact)
            {
                return scale;
            }
        }

        return -1;
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    /// <summary>Picks k for the Rice code of the zigzagged deltas: start near log2 of their mean, keep the cheapest neighbour.</summary>
    private static int ChooseRiceParameter(ReadOnlySpan<long> scaled)
    {
        if (scaled.Length < 2)
        {
            return 0;
        }

        var zigzags = ArrayPool<ulong>.Shared.Rent(scaled.Length - 1);
        try
        {
            var deltas = zigzags.AsSpan(0, scaled.Length - 1);
            double sum = 0;
            for (var i = 0; i < deltas.Length; i++)
            {
                deltas[i] = ZigZag(scaled[i + 1] - scaled[i]);
                sum += deltas[i];
            }

            var mean = sum / deltas.Length;
            var guess = mean < 1 ? 0 : Math.Min(62, (int)Math.Log2(mean));
            var best = guess;
            var bestCost = long.MaxValue;
            for (var k = Math.Max(0, guess - 2); k <= Math.Min(62, guess + 2); k++)
            {
                var cost = RiceCost(deltas, k);
                if (cost < bestCost)
                {
                    best = k;
                    bestCost = cost;
                }
            }

            return best;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(zigzags);
        }
    }

    private static long RiceCost(ReadOnlySpan<ulong> zigzags, int k)
    {
        long cost = (long)zigzags.Length * (k + 1);
        foreach (var z in zigzags)
        {
            var quotient = z >> k;
            cost += quotient < RiceEscape ? (long)quotient : RiceEscape + 64 - (k + 1);
        }

        return cost;
    }

    private static void WriteTimestamps(ref BitWriter bits, ReadOnlySpan<long> timestamps)
    {
        if (timestamps.Length < 2)
        {
            return;
        }

        var previousDelta = timestamps[1] - timestamps[0];
        if (previousDelta <= 0)
        {
            throw new ArgumentException("Timestamps must be strictly increasing.", nameof(timestamps));
        }

        bits.WriteExpGolomb((ulong)(previousDelta - 1));
        ulong zeros = 0;
        for (var i = 2; i < timestamps.Length; i++)
        {
            var delta = timestamps[i] - timestamps[i - 1];
            if (delta <= 0)
            {
                throw new ArgumentException("Timestamps must be strictly increasing.", nameof(timestamps));
            }

            var deltaOfDelta = delta - previousDelta;
            previousDelta = delta;
            if (deltaOfDelta == 0)
            {
                zeros++;
                continue;
            }

            bits.WriteExpGolomb(zeros);
            bits.WriteExpGolomb(ZigZag(deltaOfDelta) - 1);
            zeros = 0;
        }

        // A run that reaches the end is written too; the decoder knows the count and stops there.
        if (zeros > 0)
        {
            bits.WriteExpGolomb(zeros);
        }
    }

    private static void ReadTimestamps(ref BitReader bits, long first, Span<long> timestamps)
    {
        timestamps[0] = first;
        if (timestamps.Length < 2)
        {
            return;
        }

        var delta = checked((long)bits.ReadExpGolomb() + 1);
        timestamps[1] = first + delta;
        var i = 2;
        while (i < timestamps.Length)
        {
            var zeros = bits.ReadExpGolomb();
            if (zeros > (ulong)(timestamps.Length - i))
            {
                throw new InvalidDataException("A run of regular timestamps runs past the chunk's count.");
            }

            for (var z = 0UL; z < zeros; z++, i++)
            {
                timestamps[i] = timestamps[i - 1] + delta;
            }

            if (i < timestamps.Length)
            {
                delta += UnZigZag(bits.ReadExpGolomb() + 1);
                if (delta <= 0)
                {
                    throw new InvalidDataException("The chunk's timestamps do not increase.");
                }

                timestamps[i] = timestamps[i - 1] + delta;
                i++;
            }
        }
    }

    private static void WriteIntegers(ref BitWriter bits, ReadOnlySpan<long> scaled, int k)
    {
        bits.WriteExpGolomb(ZigZag(scaled[0]));
        var lowMask = k == 0 ? 0UL : ulong.MaxValue >> (64 - k);
        for (var i = 1; i < scaled.Length; i++)
        {
            var z = ZigZag(scaled[i] - scaled[i - 1]);
            var quotient = z >> k;
            if (quotient < RiceEscape)
            {
                // quotient ones, a zero, then the k low bits: one Write for the common small case.
                var q = (int)quotient;
                if (q + 1 + k <= 64)
                {
                    var code = (((1UL << q) - 1) << (k + 1)) | (z & lowMask);
                    bits.Write(code, q + 1 + k);
                }
                else
                {
                    bits.Write((1UL << q) - 1, q);
                    bits.Write(0, 1);
                    bits.Write(z & lowMask, k);
                }
            }
            else
            {
                bits.Write((1UL << RiceEscape) - 1, RiceEscape);
                bits.Write(z, 64);
            }
        }
    }

    private static void ReadIntegers(ref BitReader bits, Span<double> values, int k, double power)
    {
        var current = UnZigZag(bits.ReadExpGolomb());
        values[0] = current / power;
        for (var i = 1; i < values.Length; i++)
        {
            if (!bits.TryReadRice(k, RiceEscape, out var z))
            {
                z = bits.Read(64);
            }

            current += UnZigZag(z);

            // Dividing by 1 is exact, but costs a division per value on the common unscaled path.
            values[i] = power == 1 ? current : current / power;
        }
    }

    private static void WriteXor(ref BitWriter bits, ReadOnlySpan<double> values)
    {
        var previous = BitConverter.DoubleToUInt64Bits(values[0]);
        bits.Write(previous, 64);
        var leading = -1;
        var trailing = 0;
        for (var i = 1; i < values.Length; i++)
        {
            var current = BitConverter.DoubleToUInt64Bits(values[i]);
            var xor = current ^ previous;
            previous = current;
            if (xor == 0)
            {
                bits.Write(0, 1);
                continue;
            }

            bits.Write(1, 1);
            var newLeading = Math.Min(31, BitOperations.LeadingZeroCount(xor));
            var newTrailing = BitOperations.TrailingZeroCount(xor);
            if (leading >= 0 && newLeading >= leading && newTrailing >= trailing)
            {
                // Fits the previous window: reuse it.
                bits.Write(0, 1);
                bits.Write(xor >> trailing, 64 - leading - trailing);
            }
            else
            {
                leading = newLeading;
                trailing = newTrailing;
                var significant = 64 - leading - trailing;
                bits.Write(1, 1);
                bits.Write((ulong)leading, 5);
                // 1..64 significant bits stored as 0..63.
                bits.Write((ulong)(significant - 1), 6);
                bits.Write(xor >> trailing, significant);
            }
        }
    }

    private static void ReadXor(ref BitReader bits, Span<double> values)
    {
        var previous = bits.Read(64);
        values[0] = BitConverter.UInt64BitsToDouble(previous);
        var leading = -1;
        var trailing = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (bits.ReadBit())
            {
                if (bits.ReadBit())
                {
                    leading = (int)bits.Read(5);
                    var significant = (int)bits.Read(6) + 1;
                    trailing = 64 - leading - significant;
                    if (trailing < 0)
                    {
                        throw new InvalidDataException("The chunk's XOR window is out of range.");
                    }
                }
                else if (leading < 0)
                {
                    throw new InvalidDataException("The chunk reuses an XOR window it never set.");
                }

                previous ^= bits.Read(64 - leading - trailing) << trailing;
            }

            values[i] = BitConverter.UInt64BitsToDouble(previous);
        }
    }

    private static void WriteQualities(ref BitWriter bits, ReadOnlySpan<byte> qualities)
    {
        var runs = 1;
        for (var i = 1; i < qualities.Length; i++)
        {
            if (qualities[i] != qualities[i - 1])
            {
                runs++;
            }
        }

        bits.WriteExpGolomb((ulong)(runs - 1));
        var start = 0;
        for (var i = 1; i <= qualities.Length; i++)
        {
            if (i == qualities.Length || qualities[i] != qualities[start])
            {
                bits.WriteExpGolomb(qualities[start]);
                bits.WriteExpGolomb((ulong)(i - start - 1));
                start = i;
            }
        }
    }

    private static void ReadQualities(ref BitReader bits, Span<byte> qualities)
    {
        var runs = bits.ReadExpGolomb() + 1;
        var i = 0;
        for (var run = 0UL; run < runs; run++)
        {
            var quality = bits.ReadExpGolomb();
            var length = bits.ReadExpGolomb() + 1;
            if (quality > byte.MaxValue || length > (ulong)(qualities.Length - i))
            {
                throw new InvalidDataException("The chunk's quality runs do not match its count.");
            }

            qualities.Slice(i, (int)length).Fill((byte)quality);
            i += (int)length;
        }

        if (i != qualities.Length)
        {
            throw new InvalidDataException("The chunk's quality runs do not cover its count.");
        }
    }
}
