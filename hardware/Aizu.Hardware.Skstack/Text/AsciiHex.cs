namespace Aizu.Hardware.Skstack;

/// <summary>
/// Hexadecimal fields as SKSTACK-IP prints them: upper-case on output, either case accepted on input, no prefix.
/// Written by hand because the wire format has fixed digit counts that the BCL parsers do not check.
/// </summary>
internal static class AsciiHex
{
    public static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F') or (>= 'a' and <= 'f');

    public static bool IsDigits(ReadOnlySpan<char> text, int length) => text.Length == length && AreAllDigits(text);

    public static bool AreAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses 1..<paramref name="maxDigits"/> hexadecimal digits.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, int maxDigits, out uint value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > maxDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                value = 0;
                return false;
            }

            value = (value << 4) | (uint)ValueOf(c);
        }

        return true;
    }

    /// <summary>Decodes exactly <c>text.Length / 2</c> bytes; false on odd length or a non-hex character.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 2 != 0 || !AreAllDigits(text))
        {
            return false;
        }

        var result = new byte[text.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (byte)((ValueOf(text[2 * i]) << 4) | ValueOf(text[(2 * i) + 1]));
        }

        bytes = result;
        return true;
    }

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => c - 'a' + 10,
    };
}
