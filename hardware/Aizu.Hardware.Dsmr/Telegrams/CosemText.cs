namespace Aizu.Hardware.Dsmr;

/// <summary>The value forms of DSMR objects, read straight from the telegram's bytes: fixed-point numbers with a unit,
/// integers and timestamps. Nothing here allocates except <see cref="DecodeHexText"/>.</summary>
internal static class CosemText
{
    // 18 digits always fit a long mantissa; no meter register has more.
    private const int MaxDigits = 18;

    private static readonly SearchValues<byte> Digits = SearchValues.Create("0123456789"u8);

    /// <summary><c>digits[.digits][*unit]</c>; the unit is empty when there is none.</summary>
    public static bool TryNumber(ReadOnlySpan<byte> text, out decimal value, out ReadOnlySpan<byte> unit)
    {
        value = 0;
        unit = default;
        int star = text.IndexOf((byte)'*');
        var number = star < 0 ? text : text[..star];
        if (star >= 0)
        {
            unit = text[(star + 1)..];
            if (unit.IsEmpty || !IsUnit(unit))
            {
                return false;
            }
        }

        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        bool negative = number.Length > 0 && number[0] == (byte)'-';
        for (int i = negative ? 1 : 0; i < number.Length; i++)
        {
            byte c = number[i];
            if (c == (byte)'.' && scale < 0 && digits > 0)
            {
                scale = 0;
                continue;
            }

            if (!char.IsAsciiDigit((char)c) || ++digits > MaxDigits)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (c - '0');
            if (scale >= 0)
            {
                scale++;
            }
        }

        // "12." has no digit after the point: not a number a meter writes.
        if (digits == 0 || scale == 0)
        {
            return false;
        }

        value = new decimal(unchecked((int)(mantissa & 0xFFFFFFFF)), (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }

    /// <summary>A number carrying exactly one of the units <paramref name="units"/> names, multiplied by that unit's factor.</summary>
    public static bool TryQuantity(ReadOnlySpan<byte> text, CosemUnits units, out decimal value)
    {
        value = 0;
        if (!TryNumber(text, out decimal raw, out var unit))
        {
            return false;
        }

        // Units are case sensitive in the standard, but some meters write "KWH"; case is never ambiguous here.
        decimal? factor = units switch
        {
            CosemUnits.Energy when Ascii.EqualsIgnoreCase(unit, "kWh"u8) => 1m,
            CosemUnits.Energy when Ascii.EqualsIgnoreCase(unit, "Wh"u8) => 0.001m,
            CosemUnits.Power when Ascii.EqualsIgnoreCase(unit, "kW"u8) => 1000m,
            CosemUnits.Power when Ascii.EqualsIgnoreCase(unit, "W"u8) => 1m,
            CosemUnits.Voltage when Ascii.EqualsIgnoreCase(unit, "V"u8) => 1m,
            CosemUnits.Current when Ascii.EqualsIgnoreCase(unit, "A"u8) => 1m,
            CosemUnits.Seconds when Ascii.EqualsIgnoreCase(unit, "s"u8) => 1m,
            _ => null,
        };
        if (factor is not { } f)
        {
            return false;
        }

        value = f == 1m ? raw : raw * f;
        return true;
    }

    /// <summary>Digits only, as in tariff indicators and counters (<c>0002</c>).</summary>
    public static bool TryInteger(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 9 || text.ContainsAnyExcept(Digits))
        {
            return false;
        }

        foreach (byte b in text)
        {
            value = (value * 10) + (b - '0');
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the form <c>YYMMDDhhmmss</c> followed by <c>W</c>, <c>S</c> (either case) or, in DSMR
    /// 2.2/3, nothing. <paramref name="instant"/> is null when the form is right but the date does not exist: some
    /// meters fill unused slots with <c>632525252525W</c>.
    /// </summary>
    public static bool TryTimestamp(ReadOnlySpan<byte> text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text.Length is not (12 or 13) || text[..12].ContainsAnyExcept(Digits))
        {
            return false;
        }

        // Some meters (a Landis+Gyr DSMR 4.0 on its gas capture time) write the flag in lower case.
        byte flag = text.Length == 13 ? (byte)char.ToUpperInvariant((char)text[12]) : (byte)0;
        if (flag is not (0 or (byte)'W' or (byte)'S'))
        {
            return false;
        }

        int year = 2000 + Two(text, 0), month = Two(text, 2), day = Two(text, 4), hour = Two(text, 6), minute = Two(text, 8), second = Two(text, 10);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return true;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        instant = flag switch
        {
            (byte)'W' => new DateTimeOffset(local, CentralEuropeanTime.WinterOffset),
            (byte)'S' => new DateTimeOffset(local, CentralEuropeanTime.SummerOffset),
            _ => CentralEuropeanTime.FromLocal(local),
        };
        return true;
    }

    /// <summary>Hexadecimal that encodes printable ASCII (equipment identifiers, text messages) decoded; otherwise as sent.</summary>
    public static string DecodeHexText(ReadOnlySpan<byte> text)
    {
        if (text.Length == 0 || text.Length % 2 != 0 || !IsAllHex(text))
        {
            return Encoding.ASCII.GetString(text);
        }

        Span<byte> bytes = text.Length <= 512 ? stackalloc byte[text.Length / 2] : new byte[text.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((HexValue(text[2 * i]) << 4) | HexValue(text[(2 * i) + 1]));
        }

        return bytes.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) ? Encoding.ASCII.GetString(text) : Encoding.ASCII.GetString(bytes);
    }

    /// <summary>Whether every byte is an ASCII letter or digit.</summary>
    public static bool IsLettersOrDigits(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (!char.IsAsciiLetterOrDigit((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text as a string, for the readable object list and error messages.</summary>
    public static string ToText(ReadOnlySpan<byte> text) => Encoding.ASCII.GetString(text);

    private static bool IsUnit(ReadOnlySpan<byte> unit)
    {
        foreach (byte b in unit)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b != (byte)'^')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllHex(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (!char.IsAsciiHexDigit((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static int Two(ReadOnlySpan<byte> text, int at) => ((text[at] - '0') * 10) + (text[at + 1] - '0');
}
