namespace Aizu.Storage;

/// <summary>
/// Encodes the minute rollups of one series over one UTC hour (at most 60 buckets) into one compact byte array and
/// back, exactly: every count, sum, min, max and energy decodes to the same double. Pure: no I/O, no state.
/// </summary>
/// <remarks>
/// A minute row costs about 40 bytes in <c>rollup</c> (0.67 bytes per 1 Hz point); closed hours are packed into
/// blocks of a few bytes a minute instead. Layout (version 1): one version byte, then one bit stream:
/// <list type="number">
/// <item>60 bits, one per minute of the hour: which minutes have a bucket.</item>
/// <item>Counts, the first zigzagged and each next one as a zigzagged delta, Exp-Golomb (a steady 1 Hz series: one
/// bit a minute).</item>
/// <item>Which buckets have energy: 2 bits (none, all, or one bit per bucket follows).</item>
/// <item>Four columns — sum, min and max of the buckets that have values, energy of those that have it — each
/// coded as the chunk codec codes values: integers after scaling by 10^0…10^6 as Rice-coded deltas, anything else
/// as Gorilla's XOR.</item>
/// </list>
/// </remarks>
internal static class MinuteBlockCodec
{
    public const int MinutesPerHour = 60;
    private const byte FormatVersion = 1;
    private const int EnergyNone = 0;
    private const int EnergyAll = 1;
    private const int EnergyEach = 2;

    /// <summary>Encodes <paramref name="minutes"/>: non-empty buckets of the hour from <paramref name="hourStart"/>, strictly increasing.</summary>
    public static byte[] Encode(long hourStart, ReadOnlySpan<RollupAccumulator> minutes)
    {
        if (minutes.IsEmpty || minutes.Length > MinutesPerHour)
        {
            throw new ArgumentException("A block holds 1 to 60 minutes.", nameof(minutes));
        }

        ulong mask = 0;
        var withValues = 0;
        var withEnergy = 0;
        foreach (var minute in minutes)
        {
            var offset = minute.Start - hourStart;
            if (offset < 0 || offset % RollupGrid.MinuteMs != 0 || offset / RollupGrid.MinuteMs >= MinutesPerHour
                || (mask >> (int)(offset / RollupGrid.MinuteMs)) != 0 || minute.IsEmpty || minute.Count < 0)
            {
                throw new ArgumentException("Minutes must be non-empty, on the minute grid of the hour and strictly increasing.", nameof(minutes));
            }

            mask |= 1UL << (int)(offset / RollupGrid.MinuteMs);
            withValues += minute.Count > 0 ? 1 : 0;
            withEnergy += minute.HasEnergy ? 1 : 0;
        }

        // Worst cases: 60 bits of mask, 129 per count, 1 per energy flag, 85 per value of each of the four columns.
        var scratch = ArrayPool<byte>.Shared.Rent(64 + (minutes.Length * 64));
        var column = ArrayPool<double>.Shared.Rent(minutes.Length);
        var scaled = ArrayPool<long>.Shared.Rent(minutes.Length);
        try
        {
            scratch[0] = FormatVersion;
            var bits = new BitWriter(scratch, 1);
            bits.Write(mask, MinutesPerHour);
            long previousCount = 0;
            foreach (var minute in minutes)
            {
                bits.WriteExpGolomb(ChunkCodec.ZigZag(minute.Count - previousCount));
                previousCount = minute.Count;
            }

            var energyMode = withEnergy == 0 ? EnergyNone : withEnergy == minutes.Length ? EnergyAll : EnergyEach;
            bits.Write((ulong)energyMode, 2);
            if (energyMode == EnergyEach)
            {
                foreach (var minute in minutes)
                {
                    bits.Write(minute.HasEnergy ? 1UL : 0UL, 1);
                }
            }

            var values = column.AsSpan(0, withValues);
            WriteColumn(ref bits, minutes, values, scaled, static m => m.Sum);
            WriteColumn(ref bits, minutes, values, scaled, static m => m.Min);
            WriteColumn(ref bits, minutes, values, scaled, static m => m.Max);
            var energies = column.AsSpan(0, withEnergy);
            var e = 0;
            foreach (var minute in minutes)
            {
                if (minute.HasEnergy)
                {
                    energies[e++] = minute.Energy;
                }
            }

            WriteColumn(ref bits, energies, scaled);
            var length = bits.Flush();
            return scratch.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<long>.Shared.Return(scaled);
            ArrayPool<double>.Shared.Return(column);
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Decodes a block of the hour from <paramref name="hourStart"/>, appending its minutes to <paramref name="into"/> in time order.</summary>
    /// <exception cref="InvalidDataException">The block is not a valid version 1 block.</exception>
    public static void Decode(ReadOnlySpan<byte> block, long hourStart, List<RollupAccumulator> into)
    {
        if (block.Length < 9 || block[0] != FormatVersion)
        {
            throw new InvalidDataException("Not a version 1 block of minute rollups.");
        }

        var bits = new BitReader(block[1..]);
        var mask = bits.Read(MinutesPerHour);
        var count = BitOperations.PopCount(mask);
        if (count == 0)
        {
            throw new InvalidDataException("The block holds no minutes.");
        }

        Span<RollupAccumulator> minutes = new RollupAccumulator[count];
        long previousCount = 0;
        var i = 0;
        var withValues = 0;
        for (var m = 0; m < MinutesPerHour; m++)
        {
            if ((mask & (1UL << m)) == 0)
            {
                continue;
            }

            previousCount += ChunkCodec.UnZigZag(bits.ReadExpGolomb());
            if (previousCount < 0)
            {
                throw new InvalidDataException("A minute of the block has a negative count.");
            }

            minutes[i++] = new RollupAccumulator(hourStart + (m * RollupGrid.MinuteMs)) { Count = previousCount };
            withValues += previousCount > 0 ? 1 : 0;
        }

        var energyMode = (int)bits.Read(2);
        var hasEnergy = new bool[count];
        if (energyMode is EnergyAll or EnergyEach)
        {
            for (var j = 0; j < count; j++)
            {
                hasEnergy[j] = energyMode == EnergyAll || bits.ReadBit();
            }
        }
        else if (energyMode != EnergyNone)
        {
            throw new InvalidDataException("The block's energy flags are out of range.");
        }

        var column = new double[count];
        var values = column.AsSpan(0, withValues);
        for (var field = 0; field < 3; field++)
        {
            ReadColumn(ref bits, values);
            var v = 0;
            foreach (ref var minute in minutes)
            {
                if (minute.Count > 0)
                {
                    ref var target = ref field == 0 ? ref minute.Sum : ref field == 1 ? ref minute.Min : ref minute.Max;
                    target = values[v++];
                }
            }
        }

        var energies = column.AsSpan(0, hasEnergy.Count(static h => h));
        ReadColumn(ref bits, energies);
        var e = 0;
        for (var j = 0; j < count; j++)
        {
            if (hasEnergy[j])
            {
                minutes[j].AddEnergy(energies[e++]);
            }

            if (minutes[j].IsEmpty)
            {
                throw new InvalidDataException("A minute of the block is empty.");
            }

            into.Add(minutes[j]);
        }
    }

    private static void WriteColumn(
        ref BitWriter bits, ReadOnlySpan<RollupAccumulator> minutes, Span<double> values, long[] scaled, Func<RollupAccumulator, double> field)
    {
        var v = 0;
        foreach (var minute in minutes)
        {
            if (minute.Count > 0)
            {
                values[v++] = field(minute);
            }
        }

        WriteColumn(ref bits, values, scaled);
    }

    /// <summary>A tag (0: XOR, 1 + s: integers at scale 10^s), for integers the Rice parameter, then the values.</summary>
    private static void WriteColumn(ref BitWriter bits, ReadOnlySpan<double> values, long[] scaled)
    {
        if (values.IsEmpty)
        {
            return;
        }

        var scale = ChunkCodec.FindScale(values, scaled);
        bits.Write((ulong)(scale + 1), 3);
        if (scale < 0)
        {
            ChunkCodec.WriteXor(ref bits, values);
            return;
        }

        var integers = scaled.AsSpan(0, values.Length);
        var rice = ChunkCodec.ChooseRiceParameter(integers);
        bits.Write((ulong)rice, 6);
        ChunkCodec.WriteIntegers(ref bits, integers, rice);
    }

    private static void ReadColumn(ref BitReader bits, Span<double> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        var tag = (int)bits.Read(3);
        if (tag == 0)
        {
            ChunkCodec.ReadXor(ref bits, values);
            return;
        }

        if (tag - 1 > ChunkCodec.MaxScale)
        {
            throw new InvalidDataException("The block's decimal scale is out of range.");
        }

        var rice = (int)bits.Read(6);
        ChunkCodec.ReadIntegers(ref bits, values, rice, ChunkCodec.PowersOfTen[tag - 1]);
    }
}
