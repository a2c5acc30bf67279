namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Parses one whole P1 telegram, from <c>/</c> to the line after <c>!</c>, as DSMR 2.2, 3.0, 4.x, 5.0 and the Belgian
/// e-MUCS send it. A telegram is accepted only as a whole: a wrong CRC, a cut-off telegram or a single garbled line
/// rejects all of it, so a reading never comes from a damaged telegram.
/// </summary>
/// <remarks>
/// The per-telegram path is <see cref="TryParse(ReadOnlySpan{byte}, DsmrParseOptions?, DsmrReadout, out DsmrError)"/>:
/// it reads the objects straight from the bytes into a reused <see cref="DsmrReadout"/> and allocates nothing for a
/// valid telegram (only a rejection's message is built). The overloads that return a <see cref="DsmrTelegram"/> also
/// build its readable object list, for <c>aizu decode</c> and tests.
/// </remarks>
public static class DsmrTelegramParser
{
    // The trailer after '!' is at most four hex digits, CR and LF; anything longer is not a trailer.
    private const int HexDigits = 4;

    // A telegram split over buffer segments is copied into one span; on the stack up to this size.
    private const int StackCopyLimit = 2048;

    // What a skipped line that is not an object at all counts as; one kind, so noise is warned about once.
    private const string UnreadableLine = "unreadable line";

    /// <summary>Parses <paramref name="telegram"/>.</summary>
    /// <exception cref="DsmrFormatException">The telegram is invalid; <see cref="DsmrFormatException.Kind"/> says why.</exception>
    public static DsmrTelegram Parse(ReadOnlySpan<byte> telegram, DsmrParseOptions? options = null) =>
        TryParse(telegram, options, out var result, out var error) ? result : throw new DsmrFormatException(error);

    /// <summary>Parses a telegram that may span several buffer segments (as <see cref="DsmrFramer"/> returns it).</summary>
    /// <exception cref="DsmrFormatException">The telegram is invalid.</exception>
    public static DsmrTelegram Parse(in ReadOnlySequence<byte> telegram, DsmrParseOptions? options = null) =>
        Parse(telegram.IsSingleSegment ? telegram.FirstSpan : telegram.ToArray(), options);

    /// <summary>Parses <paramref name="telegram"/> without throwing; <paramref name="error"/> says why it was rejected.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> telegram,
        DsmrParseOptions? options,
        [NotNullWhen(true)] out DsmrTelegram? result,
        out DsmrError error)
    {
        var readout = new DsmrReadout();
        if (!TryParse(telegram, options, readout, out error))
        {
            result = null;
            return false;
        }

        result = readout.ToTelegram(ReadObjects(telegram));
        return true;
    }

    /// <summary>
    /// Parses <paramref name="telegram"/> into <paramref name="readout"/>, replacing what it held, without allocating
    /// for a valid telegram. When false is returned, <paramref name="readout"/> holds no values and
    /// <paramref name="error"/> says why the telegram was rejected.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> telegram, DsmrParseOptions? options, DsmrReadout readout, out DsmrError error)
    {
        ArgumentNullException.ThrowIfNull(readout);
        readout.Reset();
        if (TryParseInto(telegram, options ?? DsmrParseOptions.Strict, readout, out error))
        {
            return true;
        }

        readout.Reset();
        return false;
    }

    /// <summary>As <see cref="TryParse(ReadOnlySpan{byte}, DsmrParseOptions?, DsmrReadout, out DsmrError)"/> for a
    /// telegram that may span several buffer segments.</summary>
    public static bool TryParse(in ReadOnlySequence<byte> telegram, DsmrParseOptions? options, DsmrReadout readout, out DsmrError error)
    {
        if (telegram.IsSingleSegment)
        {
            return TryParse(telegram.FirstSpan, options, readout, out error);
        }

        int length = (int)Math.Min(telegram.Length, int.MaxValue);
        byte[]? rented = length <= StackCopyLimit ? null : ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> copy = rented is null ? stackalloc byte[StackCopyLimit] : rented;
            copy = copy[..length];
            telegram.Slice(0, length).CopyTo(copy);
            return TryParse(copy, options, readout, out error);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool TryParseInto(ReadOnlySpan<byte> telegram, DsmrParseOptions options, DsmrReadout readout, out DsmrError error)
    {
        if (telegram.IsEmpty || telegram[0] != (byte)'/')
        {
            error = new(DsmrErrorKind.BadHeader, "A telegram starts with '/'; these bytes do not.");
            return false;
        }

        int bang = telegram.IndexOf((byte)'!');
        if (bang < 0)
        {
            error = new(DsmrErrorKind.CutOff, $"No end '!' in {telegram.Length} bytes: the telegram was cut off.");
            return false;
        }

        if (!TryReadTrailer(telegram[(bang + 1)..], out ushort? sent, out error))
        {
            return false;
        }

        if (sent is { } expected)
        {
            ushort actual = DsmrCrc16.Compute(telegram[..(bang + 1)]);
            if (actual != expected)
            {
                string hint = telegram[..bang].IndexOf((byte)'\r') < 0 ? " (the lines end in LF only: was the telegram saved by an editor that dropped the CR?)" : string.Empty;
                error = new(DsmrErrorKind.ChecksumMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"CRC mismatch: the telegram says {expected:X4}, its bytes give {actual:X4}; bytes were lost or changed on the line{hint}."));
                return false;
            }
        }
        else if (options.RequireChecksum)
        {
            error = new(DsmrErrorKind.ChecksumMissing, "No CRC after '!', but this meter type always sends one: the CRC line was damaged.");
            return false;
        }

        readout.Checksum = sent;
        if (!TryReadLines(telegram[1..bang], sent is not null, readout, out error))
        {
            return false;
        }

        readout.Finish();

        // A version line of 4.0 or later means the meter sends a CRC; without one here, the CRC line was lost.
        if (sent is null && ClaimsChecksum(readout.Version))
        {
            error = new(DsmrErrorKind.ChecksumMissing, $"No CRC after '!', but the telegram says it is P1 version {readout.Version}, which always has one.");
            return false;
        }

        error = default;
        return true;
    }

    /// <summary>Whether the version line names a P1 version that always carries a CRC (4.0 and later, e-MUCS).</summary>
    private static bool ClaimsChecksum(string? version) =>
        version is { Length: >= 2 } v && char.IsAsciiDigit(v[0]) && char.IsAsciiDigit(v[1]) && (v[0] - '0') >= 4;

    private static bool TryReadTrailer(ReadOnlySpan<byte> trailer, out ushort? checksum, out DsmrError error)
    {
        checksum = null;
        int hex = 0;
        while (hex < trailer.Length && hex <= HexDigits && char.IsAsciiHexDigit((char)trailer[hex]))
        {
            hex++;
        }

        // Serial-to-P1 gateways (WiFi bridges) append lines of their own after the CRC line; they are not the meter's.
        // After a bare '!' (no CRC) text on the next lines more likely means the CRC line itself was broken; the driver's
        // framer ends every telegram at the line after '!' anyway.
        int lineEnd = trailer.IndexOf((byte)'\n');
        if (hex > 0 && lineEnd >= 0)
        {
            trailer = trailer[..lineEnd];
        }

        // Four digits as the standard says, or fewer from a meter that does not pad them (a Warmtelink heat meter
        // writes B9F); the value is checked all the same.
        if (hex > HexDigits || trailer[hex..].ContainsAnyExcept("\r\n \t\0"u8))
        {
            string shown = Printable(trailer[..Math.Min(trailer.Length, 12)]);
            error = new(DsmrErrorKind.MalformedChecksum, $"After '!' comes \"{shown}\": expected four hexadecimal CRC digits (or, for DSMR 2.2/3, nothing) and the line end.");
            return false;
        }

        if (hex > 0)
        {
            checksum = ushort.Parse(trailer[..hex], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        error = default;
        return true;
    }

    /// <summary>
    /// Checks every line and interprets every object. When the CRC vouches for the bytes (<paramref name="verified"/>),
    /// a line or object the parser does not understand is what the meter really sent: it is skipped and noted in
    /// <see cref="DsmrReadout.SkippedObjects"/>, and the rest of the telegram is used. Without a CRC (DSMR 2.2/3) such a
    /// line is more likely damage on the line, so it rejects the telegram: errors in a line's form take precedence
    /// over errors in an object's value, and among those the first object's wins. An object is interpreted once its
    /// continuation lines (DSMR 2.2/3 gas) have been seen.
    /// </summary>
    private static bool TryReadLines(ReadOnlySpan<byte> body, bool verified, DsmrReadout readout, out DsmrError error)
    {
        // The last object line ends in CR LF before '!'; a telegram cut off mid-line and glued to a later '!' does not.
        if (body.IsEmpty || body[^1] != (byte)'\n')
        {
            error = new(DsmrErrorKind.CutOff, "The line before '!' is unfinished: the telegram was cut off.");
            return false;
        }

        var pending = default(PendingObject);
        ulong seen = 0;
        DsmrError? valueError = null;
        int lineNumber = 0;
        int offset = 0;
        while (offset < body.Length)
        {
            int start = offset;
            int end = start + body[start..].IndexOf((byte)'\n');
            offset = end + 1;
            var line = body[start..end];
            lineNumber++;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (lineNumber == 1)
            {
                if (line.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) || !IsIdentification(line))
                {
                    error = new(DsmrErrorKind.BadHeader, $"The header \"/{Printable(line[..Math.Min(line.Length, 80)])}\" is not '/' followed by a three-letter manufacturer code and the meter type.");
                    return false;
                }

                readout.Identification = readout.IdentificationText.Get(line);
                continue;
            }

            if (line.IsEmpty)
            {
                continue;
            }

            string? why = null;
            ObisCode? obis = null;
            int valuesAt = 0, count = 0;
            if (line.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
            {
                why = "it contains a control or non-ASCII byte";
            }
            else if (!ObjectLine.TryParse(line, out obis, out valuesAt, out count, out why))
            {
                // why says what is wrong with the line's form.
            }
            else if (obis is null && (pending.Count == 0 || pending.Obis is not { A: 0, C: 24, D: 3, E: 0 }))
            {
                // Only DSMR 2.2/3 gas objects continue on the next line.
                why = "a line starting with '(' must follow a 0-n:24.3.0 gas object";
            }
            else
            {
                why = null;
            }

            if (why is not null)
            {
                var garbled = Garbled(lineNumber, line, why);
                if (!verified)
                {
                    error = garbled;
                    return false;
                }

                readout.Skip(UnreadableLine, garbled.Message);
                continue;
            }

            if (obis is { } code)
            {
                Interpret(body, pending, verified, readout, ref seen, ref valueError);
                pending = new PendingObject(code, lineNumber, start + valuesAt, start + line.Length, count);
            }
            else
            {
                pending = pending with { End = start + line.Length, Count = pending.Count + count };
            }
        }

        Interpret(body, pending, verified, readout, ref seen, ref valueError);
        error = valueError ?? default;
        return valueError is null;
    }

    private static void Interpret(ReadOnlySpan<byte> body, PendingObject o, bool verified, DsmrReadout readout, ref ulong seen, ref DsmrError? valueError)
    {
        // After the first bad value only the form of the remaining lines is checked.
        int known = o.Count == 0 ? -1 : TelegramInterpreter.Known(o.Obis);
        if (known < 0 || valueError is not null)
        {
            return;
        }

        ulong bit = 1UL << known;
        DsmrErrorKind kind = DsmrErrorKind.Duplicate;
        string why = "it appears twice; the first one is used";
        if ((seen & bit) == 0)
        {
            var values = new CosemValues(body[o.Start..o.End], o.Count);
            int failures = readout.FailureLog.Count;
            if (TelegramInterpreter.TryInterpret(readout, known, o.Obis, values, out why))
            {
                seen |= bit;
                return;
            }

            // A log that went wrong halfway leaves none of its entries.
            readout.FailureLog.RemoveRange(failures, readout.FailureLog.Count - failures);
            readout.Unreadable(known);
            kind = DsmrErrorKind.Garbled;
        }

        var error = ObjectError(kind, o, why);
        if (verified)
        {
            readout.Skip(o.Obis.ToString(), error.Message);
        }
        else
        {
            valueError = error;
        }
    }

    /// <summary>Every object of an accepted telegram as sent, for <see cref="DsmrTelegram.Objects"/>.</summary>
    private static List<CosemObject> ReadObjects(ReadOnlySpan<byte> telegram)
    {
        var objects = new List<CosemObject>();
        List<string>? values = null;
        var body = telegram[1..telegram.IndexOf((byte)'!')];
        int lineNumber = 0;
        while (!body.IsEmpty)
        {
            int end = body.IndexOf((byte)'\n');
            var line = body[..end].TrimEnd((byte)'\r');
            body = body[(end + 1)..];
            if (++lineNumber == 1 || line.IsEmpty)
            {
                continue;
            }

            // Lines the parser skipped (only in a telegram whose CRC vouched for them) are not objects.
            if (line.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) || !ObjectLine.TryParse(line, out var obis, out int valuesAt, out int count, out _))
            {
                continue;
            }

            if (obis is { } code)
            {
                values = [];
                objects.Add(new CosemObject(code, values.AsReadOnly(), lineNumber));
            }
            else if (values is null || objects[^1].Obis is not { A: 0, C: 24, D: 3, E: 0 })
            {
                // A skipped continuation line belongs to no object.
                continue;
            }

            var cosem = new CosemValues(line[valuesAt..], count);
            for (int i = 0; i < count; i++)
            {
                values!.Add(Encoding.ASCII.GetString(cosem[i]));
            }
        }

        return objects;
    }

    // Three letters, then normally the baud-rate digit and the meter type; Kamstrup sends a bare "/KAM5" and a Warmtelink
    // heat meter "/NWA-WARMTELINK" without the digit, so only the manufacturer code and one more character are required.
    private static bool IsIdentification(ReadOnlySpan<byte> text) =>
        text.Length >= 4
        && char.IsAsciiLetterOrDigit((char)text[0]) && char.IsAsciiLetterOrDigit((char)text[1]) && char.IsAsciiLetterOrDigit((char)text[2])
        && !text.Contains((byte)'!');

    private static DsmrError ObjectError(DsmrErrorKind kind, PendingObject o, string why) =>
        new(kind, string.Create(CultureInfo.InvariantCulture, $"Line {o.Line}, object {o.Obis}: {why}."));

    private static DsmrError Garbled(int line, ReadOnlySpan<byte> text, string why) =>
        new(DsmrErrorKind.Garbled, string.Create(CultureInfo.InvariantCulture, $"Line {line} \"{Printable(text[..Math.Min(text.Length, 80)])}\" is garbled: {why}."));

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : string.Create(CultureInfo.InvariantCulture, $"\\x{b:X2}"));
        }

        return text.ToString();
    }

    /// <summary>The object whose lines are being read: its values run from <see cref="Start"/> to <see cref="End"/> of the body.</summary>
    private readonly record struct PendingObject(ObisCode Obis, int Line, int Start, int End, int Count);
}
