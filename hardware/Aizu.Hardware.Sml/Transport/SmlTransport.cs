namespace Aizu.Hardware.Sml;

/// <summary>
/// SML transport protocol version 1: <c>1b1b1b1b 01010101</c>, the SML file padded with zeros to a multiple of four
/// bytes (any aligned <c>1b1b1b1b</c> in it doubled), then <c>1b1b1b1b 1a</c>, the number of padding bytes and the
/// CRC-16/X-25 of everything before it, low byte first.
/// </summary>
public static class SmlTransport
{
    /// <summary>The escape sequence.</summary>
    public static ReadOnlySpan<byte> Escape => [0x1B, 0x1B, 0x1B, 0x1B];

    /// <summary>Escape and version 1: the start of every frame.</summary>
    public static ReadOnlySpan<byte> Start => [0x1B, 0x1B, 0x1B, 0x1B, 0x01, 0x01, 0x01, 0x01];

    /// <summary>The byte after the escape that marks the end of a frame.</summary>
    public const byte EndMarker = 0x1A;

    /// <summary>Checks a whole frame and returns the SML file inside, unescaped and without padding.</summary>
    /// <exception cref="SmlFormatException">The frame is cut off, has a wrong CRC or is not transport version 1.</exception>
    public static byte[] Unwrap(ReadOnlySpan<byte> frame)
    {
        if (!frame.StartsWith(Start))
        {
            throw new SmlFormatException(SmlErrorKind.BadStart, "An SML frame starts with 1b1b1b1b 01010101; these bytes do not.");
        }

        int n = frame.Length;
        if (n < 16 || n % 4 != 0 || !frame[(n - 8)..(n - 4)].SequenceEqual(Escape) || frame[n - 4] != EndMarker)
        {
            throw new SmlFormatException(SmlErrorKind.Truncated, string.Create(CultureInfo.InvariantCulture,
                $"The frame of {n} bytes does not end with 1b1b1b1b 1a xx crc: it was cut off."));
        }

        ushort sent = BinaryPrimitives.ReadUInt16LittleEndian(frame[(n - 2)..]);
        ushort actual = SmlCrc16.Compute(frame[..(n - 2)]);
        if (sent != actual)
        {
            throw new SmlFormatException(SmlErrorKind.ChecksumMismatch, string.Create(CultureInfo.InvariantCulture,
                $"CRC mismatch: the frame says {sent:X4}, its bytes give {actual:X4}; bytes were lost or changed on the line."));
        }

        // The standard pads with 0–3 bytes, but DZG meters pad a file that already ends on a block with a whole
        // block of four (SmlLib's "Frame1" capture); the CRC has vouched for the bytes, so accept that too.
        int padding = frame[n - 3];
        if (padding > 4)
        {
            throw new SmlFormatException(SmlErrorKind.Malformed, string.Create(CultureInfo.InvariantCulture, $"The end sequence claims {padding} padding bytes; at most 4 are possible."));
        }

        var body = frame[8..(n - 8)];
        var file = new ArrayBufferWriter<byte>(body.Length);
        for (int at = 0; at < body.Length; at += 4)
        {
            var block = body.Slice(at, 4);
            if (block.SequenceEqual(Escape))
            {
                // Inside a frame an escape may only be doubled data; anything else (a new start, version 2) is not v1.
                if (at + 8 > body.Length || !body.Slice(at + 4, 4).SequenceEqual(Escape))
                {
                    throw new SmlFormatException(SmlErrorKind.Malformed, string.Create(CultureInfo.InvariantCulture, $"Unexpected escape sequence at byte {8 + at} inside the frame."));
                }

                at += 4;
            }

            file.Write(block);
        }

        if (padding > file.WrittenCount || file.WrittenSpan[(file.WrittenCount - padding)..].ContainsAnyExcept((byte)0))
        {
            throw new SmlFormatException(SmlErrorKind.Malformed, "The padding before the end sequence is not zero bytes.");
        }

        return file.WrittenSpan[..(file.WrittenCount - padding)].ToArray();
    }

    /// <summary>Wraps an SML file in a version 1 transport frame.</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> file)
    {
        int padding = (4 - (file.Length % 4)) % 4;
        var padded = new byte[file.Length + padding];
        file.CopyTo(padded);
        var frame = new ArrayBufferWriter<byte>(padded.Length + 24);
        frame.Write(Start);
        for (int at = 0; at < padded.Length; at += 4)
        {
            var block = padded.AsSpan(at, 4);
            frame.Write(block);
            if (block.SequenceEqual(Escape))
            {
                frame.Write(Escape);
            }
        }

        frame.Write(Escape);
        frame.Write<byte>([EndMarker, (byte)padding]);
        ushort crc = SmlCrc16.Compute(frame.WrittenSpan);
        Span<byte> tail = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(tail, crc);
        frame.Write(tail);
        return frame.WrittenSpan.ToArray();
    }
}
