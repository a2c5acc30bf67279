using System.Globalization;

namespace Aizu.Hardware.Dsmr;

/// <summary>The grammar of one object line, <c>A-B:C.D.E(value)(value)…</c>, or of a continuation line <c>(value)</c>
/// that DSMR 2.2/3 put under a gas object.</summary>
internal static class ObjectLine
{
    /// <summary>Splits a line; <paramref name="obis"/> is null for a continuation line.</summary>
    public static bool TryParse(string line, out ObisCode? obis, out List<string> values, out string why)
    {
        obis = null;
        values = [];
        int at = 0;
        if (line[0] != '(')
        {
            if (!TryObis(line, ref at, out var code))
            {
                why = "it does not start with an OBIS reference A-B:C.D.E";
                return false;
            }

            obis = code;
            if (at < line.Length && line[at] == '*')
            {
                // Some German DSMR-like meters (EasyMeter Q3D) add the OBIS F group as "*255".
                at++;
                if (!TryByte(line, ref at, out _))
                {
                    why = "the OBIS reference has a '*' without a number";
                    return false;
                }
            }
        }

        while (at < line.Length)
        {
            if (line[at] != '(')
            {
                why = string.Create(CultureInfo.InvariantCulture, $"expected '(' at column {at + 1}");
                return false;
            }

            int close = line.IndexOfAny(['(', ')'], at + 1);
            if (close < 0 || line[close] != ')')
            {
                why = "a value has no closing ')'";
                return false;
            }

            values.Add(line[(at + 1)..close]);
            at = close + 1;
        }

        if (values.Count == 0)
        {
            why = "the object has no value";
            return false;
        }

        why = string.Empty;
        return true;
    }

    private static bool TryObis(string line, ref int at, out ObisCode code)
    {
        code = default;
        if (!TryByte(line, ref at, out byte a) || !Expect(line, ref at, '-')
            || !TryByte(line, ref at, out byte b) || !Expect(line, ref at, ':')
            || !TryByte(line, ref at, out byte c) || !Expect(line, ref at, '.')
            || !TryByte(line, ref at, out byte d) || !Expect(line, ref at, '.')
            || !TryByte(line, ref at, out byte e))
        {
            return false;
        }

        code = new ObisCode(a, b, c, d, e);
        return true;
    }

    private static bool Expect(string line, ref int at, char c)
    {
        if (at < line.Length && line[at] == c)
        {
            at++;
            return true;
        }

        return false;
    }

    private static bool TryByte(string line, ref int at, out byte value)
    {
        int start = at;
        int number = 0;
        while (at < line.Length && char.IsAsciiDigit(line[at]) && at - start < 3)
        {
            number = (number * 10) + (line[at] - '0');
            at++;
        }

        value = (byte)number;
        return at > start && number <= byte.MaxValue && (at >= line.Length || !char.IsAsciiDigit(line[at]));
    }
}
