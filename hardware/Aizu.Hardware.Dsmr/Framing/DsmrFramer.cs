namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Cuts the P1 byte stream into telegrams. A telegram is everything from <c>/</c> through the line end after
/// <c>!</c>. Bytes before a <c>/</c> are noise; a telegram interrupted by a new <c>/</c> was cut off (the cable was
/// pulled, the meter restarted); either is handed back as <see cref="SerialFrameKind.Discarded"/> so it can be counted,
/// and reading resynchronises on the next <c>/</c>.
/// </summary>
public static class DsmrFramer
{
    private static readonly SearchValues<byte> Quiet = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b), (byte)'\r', (byte)'\n', (byte)'\t', 0]);

    /// <summary>Longer than any real telegram (about 1 KB, 2 KB with e-MUCS's 13-month peak history).</summary>
    public const int DefaultMaxTelegramLength = 16 * 1024;

    // Four CRC digits, CR and LF, and a little slack for meters that pad the trailer.
    private const int MaxTrailerLength = 8;

    /// <summary>
    /// Takes the next frame from <paramref name="reader"/> and advances past it. Returns false, consuming nothing that
    /// could still belong to a telegram, when more bytes are needed.
    /// </summary>
    public static bool TryReadFrame(ref SequenceReader<byte> reader, out SerialFrame frame, int maxTelegramLength = DefaultMaxTelegramLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTelegramLength, 16);
        frame = default;
        var noise = reader;
        if (!noise.TryAdvanceTo((byte)'/', advancePastDelimiter: false))
        {
            // No telegram starts in what we have: all of it is noise.
            var all = reader.UnreadSequence;
            reader.AdvanceToEnd();

            // Line ends, NULs and text lines between telegrams are not noise worth reporting (nor worth a message string).
            if (IsQuiet(all))
            {
                return false;
            }

            frame = new SerialFrame(SerialFrameKind.Discarded, all,
                string.Create(CultureInfo.InvariantCulture, $"{all.Length} bytes without a telegram start '/'"));
            return true;
        }

        if (noise.Consumed > reader.Consumed)
        {
            var skipped = reader.Sequence.Slice(reader.Position, noise.Position);
            reader.Advance(skipped.Length);
            if (!IsQuiet(skipped))
            {
                frame = new SerialFrame(SerialFrameKind.Discarded, skipped,
                    string.Create(CultureInfo.InvariantCulture, $"{skipped.Length} bytes before a telegram start '/'"));
                return true;
            }
        }

        // At '/'. Look for its end '!', or a new '/' that would mean this one was cut off.
        var scan = reader;
        scan.Advance(1);
        if (!scan.TryAdvanceToAny("!/"u8, advancePastDelimiter: false))
        {
            if (reader.Remaining <= maxTelegramLength)
            {
                return false;
            }

            var all = reader.UnreadSequence;
            reader.AdvanceToEnd();
            frame = new SerialFrame(SerialFrameKind.Discarded, all,
                string.Create(CultureInfo.InvariantCulture, $"no end '!' within {maxTelegramLength} bytes"));
            return true;
        }

        scan.TryPeek(out byte delimiter);
        long length = scan.Consumed - reader.Consumed;
        if (delimiter == (byte)'/' || length > maxTelegramLength)
        {
            var cut = reader.Sequence.Slice(reader.Position, scan.Position);
            reader.Advance(cut.Length);
            frame = new SerialFrame(SerialFrameKind.Discarded, cut, delimiter == (byte)'/'
                ? string.Create(CultureInfo.InvariantCulture, $"a telegram was cut off after {cut.Length} bytes (a new one started before its end '!')")
                : string.Create(CultureInfo.InvariantCulture, $"no end '!' within {maxTelegramLength} bytes"));
            return true;
        }

        // At '!': the telegram ends with the line after it (the CRC line, or an empty line for DSMR 2.2/3).
        scan.Advance(1);
        Span<byte> window = stackalloc byte[MaxTrailerLength + 1];
        int available = (int)Math.Min(scan.Remaining, window.Length);
        scan.UnreadSequence.Slice(0, available).CopyTo(window);
        int stop = window[..available].IndexOfAny("\n/"u8);
        if (stop < 0 && available < window.Length)
        {
            return false;
        }

        // A line end ends the telegram after it; a '/' (the next telegram) before it; neither within reach means the
        // CRC line is damaged, which the parser will report.
        long end = stop < 0 ? available : window[stop] == (byte)'\n' ? stop + 1 : stop;
        var bytes = reader.Sequence.Slice(reader.Position, length + 1 + end);
        reader.Advance(bytes.Length);
        frame = new SerialFrame(SerialFrameKind.Frame, bytes, null);
        return true;
    }

    /// <summary>
    /// Whether skipped bytes are only line ends, NULs and printable text: what serial-to-P1 gateways append after a
    /// telegram's CRC line. Noise from a wrong line speed or a bad contact is almost never all printable.
    /// </summary>
    private static bool IsQuiet(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            if (segment.Span.ContainsAnyExcept(Quiet))
            {
                return false;
            }
        }

        return true;
    }
}
