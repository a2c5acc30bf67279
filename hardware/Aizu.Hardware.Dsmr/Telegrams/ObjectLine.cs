namespace Aizu.Hardware.Dsmr;

/// <summary>The grammar of one object line, <c>A-B:C.D.E(value)(value)…</c>, or of a continuation line <c>(value)</c>
/// that DSMR 2.2/3 put under a gas object; read from the bytes without copying them.</summary>
internal static class ObjectLine
{
    /// <summary>
    /// Splits a line; <paramref name="obis"/> is null for a continuation line. <paramref name="valuesAt"/> is where the
    /// first <c>(</c> is and <paramref name="count"/> how many values follow. <paramref name="why"/> is only built
    /// when the line is rejected.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out ObisCode? obis, out int valuesAt, out int count, out string why)
    {
        obis = null;
        count = 0;
        int at = 0;
        if (line[0] != (byte)'(')
        {
            if (!TryObis(line, ref at, out var code))
            {
                valuesAt = at;
                why = "it does not start with an OBIS reference A-B:C.D.E";
                return false;
            }

            obis = code;
            if (at < line.Length && line[at] == (byte)'*')
            {
                // Some German DSMR-like meters (EasyMeter Q3D) add the OBIS F group as "*255".
                at++;
                if (!TryByte(line, ref at, out _))
                {
                    valuesAt = at;
                    why = "the OBIS reference has a '*' without a number";
                    return false;
                }
            }
        }

        valuesAt = at;
        while (at < line.Length)
        {
            if (line[at] != (byte)'(')
            {
                why = string.Create(CultureInfo.InvariantCulture, $"expected '(' at column {at + 1}");
                return false;
            }

            int close = line[(at + 1)..].IndexOfAny((byte)'(', (byte)')');
            if (close < 0 || line[at + 1 + close] != (byte)')')
            {
                why = "a value has no closing ')'";
                return false;
            }

            count++;
            at += close + 2;
        }

        if (count == 0)
        {
            why = "the object has no value";
            return false;
        }

        why = string.Empty;
        return true;
    }

    private static bool TryObis(ReadOnlySpan<byte> line, ref int at, out ObisCode code)
    {
        code = default;
        if (!TryByte(line, ref at, out byte a) || !Expect(line, ref at, (byte)'-')
            || !TryByte(line, ref at, out byte b) || !Expect(line, ref at, (byte)':')
            || !TryByte(line, ref at, out byte c) || !Expect(line, ref at, (byte)'.')
            || !TryByte(line, ref at, out byte d) || !Expect(line, ref at, (byte)'.')
            || !TryByte(line, ref at, out byte e))
        {
            return false;
        }

        code = new ObisCode(a, b, c, d, e);
        return true;
    }

    private static bool Expect(ReadOnlySpan<byte> line, ref int at, byte c)
    {
        if (at < line.Length && line[at] == c)
        {
            at++;
            return true;
        }

        return false;
    }

    private static bool TryByte(ReadOnlySpan<byte> line, ref int at, out byte value)
    {
        int start = at;
        int number = 0;
        while (at < line.Length && char.IsAsciiDigit((char)line[at]) && at - start < 3)
        {
            number = (number * 10) + (line[at] - '0');
            at++;
        }

        value = (byte)number;
        return at > start && number <= byte.MaxValue && (at >= line.Length || !char.IsAsciiDigit((char)line[at]));
    }
}
