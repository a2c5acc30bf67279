namespace Aizu.Storage;

/// <summary>Reads what <see cref="BitWriter"/> wrote. Running past the end throws <see cref="InvalidDataException"/>.</summary>
internal ref struct BitReader
{
    private readonly ReadOnlySpan<byte> data;
    private readonly long totalBits;
    private long position;

    public BitReader(ReadOnlySpan<byte> data)
    {
        this.data = data;
        totalBits = (long)data.Length * 8;
        position = 0;
    }

    /// <summary>Reads <paramref name="bits"/> (0–64) bits.</summary>
    public ulong Read(int bits)
    {
        if (bits > 32)
        {
            var high = ReadSmall(bits - 32);
            return (high << 32) | ReadSmall(32);
        }

        return ReadSmall(bits);
    }

    public bool ReadBit() => ReadSmall(1) != 0;

    /// <summary>Counts 1 bits up to <paramref name="limit"/>, consuming them and the terminating 0 (absent at the limit).</summary>
    public int ReadUnary(int limit)
    {
        var window = Peek32();
        var ones = BitOperations.LeadingZeroCount(~window);
        if (ones < limit && ones < 32)
        {
            Skip(ones + 1);
            return ones;
        }

        var count = 0;
        while (count < limit && ReadBit())
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// One Rice code with parameter <paramref name="k"/>: up to <paramref name="escape"/> − 1 ones, a
    /// zero, k low bits. Returns false at the escape (all <paramref name="escape"/> ones read), when the
    /// caller reads the raw value that follows. Decodes the common short code from one 64-bit window.
    /// </summary>
    public bool TryReadRice(int k, int escape, out ulong value)
    {
        if (position + 57 <= totalBits)
        {
            var window = Window() << (int)(position & 7);
            var ones = BitOperations.LeadingZeroCount(~window);
            if (ones < escape && ones + 1 + k <= 57)
            {
                var low = k == 0 ? 0 : (window << (ones + 1)) >> (64 - k);
                value = ((ulong)ones << k) | low;
                position += ones + 1 + k;
                return true;
            }
        }

        var quotient = ReadUnary(escape);
        if (quotient == escape)
        {
            value = 0;
            return false;
        }

        value = ((ulong)quotient << k) | Read(k);
        return true;
    }

    public ulong ReadExpGolomb()
    {
        var zeros = 0;
        while (!ReadBit())
        {
            if (++zeros == 64)
            {
                return Read(64);
            }
        }

        // The leading 1 was consumed above; the code is that 1 followed by `zeros` more bits.
        var code = (1UL << zeros) | Read(zeros);
        return code - 1;
    }

    private ulong ReadSmall(int bits)
    {
        if (bits == 0)
        {
            return 0;
        }

        if (position + bits > totalBits)
        {
            throw new InvalidDataException("The chunk ends before its data does.");
        }

        var value = (Window() << (int)(position & 7)) >> (64 - bits);
        position += bits;
        return value;
    }

    private readonly uint Peek32() => (uint)((Window() << (int)(position & 7)) >> 32);

    private void Skip(int bits)
    {
        if (position + bits > totalBits)
        {
            throw new InvalidDataException("The chunk ends before its data does.");
        }

        position += bits;
    }

    /// <summary>The 8 bytes starting at the current byte, zero-padded past the end.</summary>
    private readonly ulong Window()
    {
        var index = (int)(position >> 3);
        if (index + 8 <= data.Length)
        {
            return BinaryPrimitives.ReadUInt64BigEndian(data[index..]);
        }

        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        if (index < data.Length)
        {
            data[index..].CopyTo(padded);
        }

        return BinaryPrimitives.ReadUInt64BigEndian(padded);
    }
}
