using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Parses one whole P1 telegram, from <c>/</c> to the line after <c>!</c>, as DSMR 2.2, 3.0, 4.x, 5.0 and the Belgian
/// e-MUCS send it. A telegram is accepted only as a whole: a wrong CRC, a cut-off telegram or a single garbled line
/// rejects all of it, so a reading never comes from a damaged telegram.
/// </summary>
public static class DsmrTelegramParser
{
    // The trailer after '!' is at most four hex digits, CR and LF; anything longer is not a trailer.
    private const int HexDigits = 4;

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
        options ??= DsmrParseOptions.Strict;
        result = null;
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

        var interpreter = new TelegramInterpreter(sent);
        if (!TryReadLines(telegram[1..bang], interpreter, out error) || !interpreter.TryFinish(out result, out error))
        {
            return false;
        }

        // A version line of 4.0 or later means the meter sends a CRC; without one here, the CRC line was lost.
        if (sent is null && interpreter.ClaimsChecksum)
        {
            result = null;
            error = new(DsmrErrorKind.ChecksumMissing, $"No CRC after '!', but the telegram says it is P1 version {interpreter.Version}, which always has one.");
            return false;
        }

        error = default;
        return true;
    }

    private static bool TryReadTrailer(ReadOnlySpan<byte> trailer, out ushort? checksum, out DsmrError error)
    {
        checksum = null;
        int hex = 0;
        while (hex < trailer.Length && hex <= HexDigits && char.IsAsciiHexDigit((char)trailer[hex]))
        {
            hex++;
        }

        if (hex is not (0 or HexDigits) || trailer[hex..].ContainsAnyExcept("\r\n \t\0"u8))
        {
            string shown = Printable(trailer[..Math.Min(trailer.Length, 12)]);
            error = new(DsmrErrorKind.MalformedChecksum, $"After '!' comes \"{shown}\": expected four hexadecimal CRC digits (or, for DSMR 2.2/3, nothing) and the line end.");
            return false;
        }

        if (hex == HexDigits)
        {
            checksum = ushort.Parse(Encoding.ASCII.GetString(trailer[..HexDigits]), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }

        error = default;
        return true;
    }

    private static bool TryReadLines(ReadOnlySpan<byte> body, TelegramInterpreter interpreter, out DsmrError error)
    {
        // The last object line ends in CR LF before '!'; a telegram cut off mid-line and glued to a later '!' does not.
        if (body.IsEmpty || body[^1] != (byte)'\n')
        {
            error = new(DsmrErrorKind.CutOff, "The line before '!' is unfinished: the telegram was cut off.");
            return false;
        }

        int lineNumber = 0;
        while (!body.IsEmpty)
        {
            int end = body.IndexOf((byte)'\n');
            var line = body[..end];
            body = body[(end + 1)..];
            lineNumber++;
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
            {
                error = Garbled(lineNumber, line, "it contains a control or non-ASCII byte");
                return false;
            }

            string text = Encoding.ASCII.GetString(line);
            if (lineNumber == 1)
            {
                if (!IsIdentification(text))
                {
                    error = new(DsmrErrorKind.BadHeader, $"The header \"/{text}\" is not '/' followed by a three-letter manufacturer code, a digit and the meter type.");
                    return false;
                }

                interpreter.Identification = text;
                continue;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (!ObjectLine.TryParse(text, out var obis, out var values, out string? why))
            {
                error = Garbled(lineNumber, line, why);
                return false;
            }

            if (!interpreter.TryAdd(obis, values, lineNumber, out why))
            {
                error = Garbled(lineNumber, line, why);
                return false;
            }
        }

        error = default;
        return true;
    }

    private static bool IsIdentification(string text) =>
        text.Length >= 5
        && char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[1]) && char.IsAsciiLetterOrDigit(text[2])
        && char.IsAsciiDigit(text[3])
        && !text.Contains('!', StringComparison.Ordinal);

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
}
