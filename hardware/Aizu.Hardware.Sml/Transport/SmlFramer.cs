namespace Aizu.Hardware.Sml;

/// <summary>
/// Cuts the byte stream of an SML optical interface into transport frames. After the start sequence the stream is read
/// in four-byte blocks, as the transport protocol aligns them; an escape followed by <c>1a</c> ends the frame, an
/// escape followed by a new start means the frame was cut off. Noise and cut-off frames come back as
/// <see cref="SerialFrameKind.Discarded"/> and reading resynchronises on the next start sequence.
/// </summary>
public static class SmlFramer
{
    /// <summary>Longer than any meter's push (a few hundred bytes).</summary>
    public const int DefaultMaxFrameLength = 8 * 1024;

    private const int StartLength = 8;

    /// <summary>Takes the next frame from <paramref name="reader"/> and advances past it; false when more bytes are needed.</summary>
    public static bool TryReadFrame(ref SequenceReader<byte> reader, out SerialFrame frame, int maxFrameLength = DefaultMaxFrameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, 32);
        frame = default;
        var search = reader;
        if (!search.TryReadTo(out ReadOnlySequence<byte> before, SmlTransport.Start, advancePastDelimiter: false))
        {
            // Keep a tail that could be the beginning of a start sequence split across reads.
            long keep = Math.Min(reader.Remaining, StartLength - 1);
            long drop = reader.Remaining - keep;
            if (drop == 0)
            {
                return false;
            }

            var noise = reader.UnreadSequence.Slice(0, drop);
            reader.Advance(drop);
            frame = new SerialFrame(SerialFrameKind.Discarded, noise, string.Create(CultureInfo.InvariantCulture, $"{drop} bytes without an SML start sequence"));
            return true;
        }

        if (before.Length > 0)
        {
            reader.Advance(before.Length);
            frame = new SerialFrame(SerialFrameKind.Discarded, before, string.Create(CultureInfo.InvariantCulture, $"{before.Length} bytes before an SML start sequence"));
            return true;
        }

        Span<byte> block = stackalloc byte[4];
        Span<byte> next = stackalloc byte[4];
        var scan = reader;
        scan.Advance(StartLength);

        // A new start anywhere, aligned or not, means this frame was cut off: the new frame's blocks are aligned to
        // its own start, so scanning on in ours would miss its end.
        var probe = scan;
        long nextStart = probe.TryReadTo(out ReadOnlySequence<byte> untilNext, SmlTransport.Start, advancePastDelimiter: false)
            ? StartLength + untilNext.Length
            : long.MaxValue;
        while (true)
        {
            long length = scan.Consumed - reader.Consumed;
            if (length >= nextStart)
            {
                var cut = reader;
                cut.Advance(nextStart);
                return Discard(ref reader, cut.Position, string.Create(CultureInfo.InvariantCulture, $"an SML frame was cut off after {nextStart} bytes (a new one started before its end)"), out frame);
            }

            if (length > maxFrameLength)
            {
                return Discard(ref reader, scan.Position, string.Create(CultureInfo.InvariantCulture, $"no SML end sequence within {maxFrameLength} bytes"), out frame);
            }

            if (!scan.TryCopyTo(block))
            {
                return false;
            }

            if (!block.SequenceEqual(SmlTransport.Escape))
            {
                scan.Advance(4);
                continue;
            }

            var after = scan;
            after.Advance(4);
            if (!after.TryCopyTo(next))
            {
                return false;
            }

            if (next.SequenceEqual(SmlTransport.Escape))
            {
                // Doubled escape: data.
                scan.Advance(8);
            }
            else if (next[0] == SmlTransport.EndMarker)
            {
                after.Advance(4);
                var bytes = reader.Sequence.Slice(reader.Position, after.Position);
                reader.Advance(bytes.Length);
                frame = new SerialFrame(SerialFrameKind.Frame, bytes, null);
                return true;
            }
            else
            {
                string why = next.SequenceEqual(SmlTransport.Start[4..])
                    ? string.Create(CultureInfo.InvariantCulture, $"an SML frame was cut off after {length} bytes (a new one started before its end)")
                    : string.Create(CultureInfo.InvariantCulture, $"an SML frame with an unsupported escape 1b1b1b1b {next[0]:x2} after {length} bytes");
                return Discard(ref reader, scan.Position, why, out frame);
            }
        }
    }

    private static bool Discard(ref SequenceReader<byte> reader, SequencePosition end, string reason, out SerialFrame frame)
    {
        var bytes = reader.Sequence.Slice(reader.Position, end);
        reader.Advance(bytes.Length);
        frame = new SerialFrame(SerialFrameKind.Discarded, bytes, reason);
        return true;
    }
}
