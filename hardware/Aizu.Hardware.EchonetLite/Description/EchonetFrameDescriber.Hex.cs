namespace Aizu.Hardware.EchonetLite.Description;

public static partial class EchonetFrameDescriber
{
    /// <summary>
    /// Reads a frame typed or pasted as hexadecimal: "10 81 00 01 ...", "10810001...", "0x10,0x81", "10:81:00:01",
    /// "10-81-00-01", or any mix. Whitespace, colons, commas and dashes separate groups; a group may start with
    /// "0x" and holds one or more whole bytes, so each group needs an even number of digits.
    /// </summary>
    /// <param name="text">The input as typed.</param>
    /// <param name="bytes">The bytes read, or an empty array when reading failed.</param>
    /// <param name="error">Why reading failed, naming the 1-based character position; null on success.</param>
    public static bool TryParseHex(string text, out byte[] bytes, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);

        var result = new List<byte>(text.Length / 2);
        int i = 0;
        while (i < text.Length)
        {
            if (IsSeparator(text[i]))
            {
                i++;
                continue;
            }

            int groupStart = i;
            if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
            {
                i += 2;
            }

            int digitsStart = i;
            while (i < text.Length && !IsSeparator(text[i]))
            {
                if (!char.IsAsciiHexDigit(text[i]))
                {
                    return Fail(out bytes, out error, string.Create(CultureInfo.InvariantCulture,
                        $"'{text[i]}' at position {i + 1} is not a hexadecimal digit or a separator (space, ':', ',', '-')"));
                }

                i++;
            }

            int digits = i - digitsStart;
            if (digits == 0)
            {
                return Fail(out bytes, out error, string.Create(CultureInfo.InvariantCulture,
                    $"'0x' at position {groupStart + 1} is not followed by any digits"));
            }

            if (digits % 2 != 0)
            {
                return Fail(out bytes, out error, string.Create(CultureInfo.InvariantCulture,
                    $"'{text[groupStart..i]}' at position {groupStart + 1} has an odd number of hexadecimal digits ({digits}); every byte takes two"));
            }

            for (int d = digitsStart; d < i; d += 2)
            {
                result.Add((byte)((HexValue(text[d]) << 4) | HexValue(text[d + 1])));
            }
        }

        if (result.Count == 0)
        {
            return Fail(out bytes, out error, "no hexadecimal digits");
        }

        bytes = [.. result];
        error = null;
        return true;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ':' or ',' or '-';

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    private static bool Fail(out byte[] bytes, out string error, string message)
    {
        bytes = [];
        error = message;
        return false;
    }
}
