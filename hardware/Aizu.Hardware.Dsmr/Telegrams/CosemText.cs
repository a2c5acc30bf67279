using System.Buffers;
using System.Globalization;
using System.Text;

namespace Aizu.Hardware.Dsmr;

/// <summary>The value forms of DSMR objects: fixed-point numbers with a unit, integers and timestamps.</summary>
internal static class CosemText
{
    // 18 digits always fit a long mantissa; no meter register has more.
    private const int MaxDigits = 18;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary><c>digits[.digits][*unit]</c>; the unit is empty when there is none.</summary>
    public static bool TryNumber(string text, out decimal value, out string unit)
    {
        value = 0;
        unit = string.Empty;
        int star = text.IndexOf('*', StringComparison.Ordinal);
        var number = star < 0 ? text.AsSpan() : text.AsSpan(0, star);
        if (star >= 0)
        {
            unit = text[(star + 1)..];
            if (unit.Length == 0 || !unit.All(c => char.IsAsciiLetterOrDigit(c) || c == '^'))
            {
                return false;
            }
        }

        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        bool negative = number.Length > 0 && number[0] == '-';
        for (int i = negative ? 1 : 0; i < number.Length; i++)
        {
            char c = number[i];
            if (c == '.' && scale < 0 && digits > 0)
            {
                scale = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c) || ++digits > MaxDigits)
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

    /// <summary>A number carrying exactly one of <paramref name="units"/>, multiplied by that unit's factor.</summary>
    public static bool TryQuantity(string text, ReadOnlySpan<(string Unit, decimal Factor)> units, out decimal value)
    {
        value = 0;
        if (!TryNumber(text, out decimal raw, out string unit))
        {
            return false;
        }

        foreach (var (name, factor) in units)
        {
            // Units are case sensitive in the standard, but some meters write "KWH"; case is never ambiguous here.
            if (string.Equals(unit, name, StringComparison.OrdinalIgnoreCase))
            {
                value = raw * factor;
                return true;
            }
        }

        return false;
    }

    /// <summary>Digits only, as in tariff indicators and counters (<c>0002</c>).</summary>
    public static bool TryInteger(string text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 9 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the form <c>YYMMDDhhmmss</c> followed by <c>W</c>, <c>S</c> or, in DSMR
    /// 2.2/3, nothing. <paramref name="instant"/> is null when the form is right but the date does not exist: some
    /// meters fill unused slots with <c>632525252525W</c>.
    /// </summary>
    public static bool TryTimestamp(string text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text.Length is not (12 or 13) || text.AsSpan(0, 12).ContainsAnyExcept(Digits))
        {
            return false;
        }

        char flag = text.Length == 13 ? text[12] : '\0';
        if (flag is not ('\0' or 'W' or 'S'))
        {
            return false;
        }

        int Two(int at) => ((text[at] - '0') * 10) + (text[at + 1] - '0');
        int year = 2000 + Two(0), month = Two(2), day = Two(4), hour = Two(6), minute = Two(8), second = Two(10);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return true;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        instant = flag switch
        {
            'W' => new DateTimeOffset(local, CentralEuropeanTime.WinterOffset),
            'S' => new DateTimeOffset(local, CentralEuropeanTime.SummerOffset),
            _ => CentralEuropeanTime.FromLocal(local),
        };
        return true;
    }

    /// <summary>Hexadecimal that encodes printable ASCII (equipment identifiers, text messages) decoded; otherwise as sent.</summary>
    public static string DecodeHexText(string text)
    {
        if (text.Length == 0 || text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            return text;
        }

        var bytes = Convert.FromHexString(text);
        return bytes.All(b => b is >= 0x20 and < 0x7F) ? Encoding.ASCII.GetString(bytes) : text;
    }
}
