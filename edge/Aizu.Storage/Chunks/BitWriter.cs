namespace Aizu.Storage;

/// <summary>
/// Writes bit fields most-significant bit first into a byte array. Chunks are bit-packed rather than
/// byte-aligned because a regular 1 Hz series needs well under a byte per timestamp and per value.
/// </summary>
internal struct BitWriter
{
    private readonly byte[] buffer;
    private int position;
    private ulong pending;
    private int pendingBits;

    public BitWriter(byte[] buffer, int offset)
    {
        this.buffer = buffer;
        position = offset;
        pending = 0;
        pendingBits = 0;
    }

    /// <summary>Bytes written so far, counting a partly filled last byte.</summary>
    public readonly int Length => position + ((pendingBits + 7) / 8);

    /// <summary>Writes the low <paramref name="bits"/> (0–64) bits of <paramref name="value"/>.</summary>
    public void Write(ulong value, int bits)
    {
        if (bits > 32)
        {
            WriteSmall(value >> 32, bits - 32);
            WriteSmall(value & 0xFFFF_FFFF, 32);
        }
        else
        {
            WriteSmall(bits == 0 ? 0 : value & (ulong.MaxValue >> (64 - bits)), bits);
        }
    }

    /// <summary>Exp-Golomb (order 0) code of <paramref name="value"/>: 2·⌊log2(n+1)⌋+1 bits, so small numbers are cheap.</summary>
    public void WriteExpGolomb(ulong value)
    {
        if (value == ulong.MaxValue)
        {
            // n + 1 would overflow: 64 zeros announce a raw 64-bit value.
            Write(0, 64);
            Write(value, 64);
            return;
        }

        var code = value + 1;
        var length = 64 - BitOperations.LeadingZeroCount(code);
        Write(0, length - 1);
        Write(code, length);
    }

    /// <summary>Pads the last byte with zeros; returns the total length in bytes.</summary>
    public int Flush()
    {
        while (pendingBits >= 8)
        {
            pendingBits -= 8;
            buffer[position++] = (byte)(pending >> pendingBits);
        }

        if (pendingBits > 0)
        {
            buffer[position++] = (byte)(pending << (8 - pendingBits));
        }

        pending = 0;
        pendingBits = 0;
        return position;
    }

    private void WriteSmall(ulong value, int bits)
    {
        // pending holds fewer than 32 bits, so adding at most 32 never overflows; whole 32-bit words go out at once.
        pending = (pending << bits) | value;
        pendingBits += bits;
        if (pendingBits >= 32)
        {
            pendingBits -= 32;
            BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(position), (uint)(pending >> pendingBits));
            position += 4;
            pending &= (1UL << pendingBits) - 1;
        }
    }
}
