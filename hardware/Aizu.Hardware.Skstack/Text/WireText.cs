namespace Aizu.Hardware.Skstack;

/// <summary>
/// Bytes ↔ text for the serial line. Latin-1 maps every byte to exactly one character, so decoding never fails and
/// garbage can be shown in logs byte for byte; the protocol itself only uses printable ASCII.
/// </summary>
internal static class WireText
{
    public static string Decode(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    public static byte[] Encode(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Moves <paramref name="reader"/> on to where <paramref name="probe"/> (read ahead of it) stands and returns the text passed over.</summary>
    public static string Advance(ref SequenceReader<byte> reader, SequenceReader<byte> probe)
    {
        var consumed = reader.UnreadSequence.Slice(0, probe.Consumed - reader.Consumed).ToArray();
        reader = probe;
        return Decode(consumed);
    }

    /// <summary>One line on the wire: <paramref name="text"/> and CR LF.</summary>
    public static byte[] Line(string text) => Encode(text + "\r\n");

    /// <summary>True when every character is printable ASCII (space included).</summary>
    public static bool IsPrintable(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a non-empty token of printable ASCII without spaces.</summary>
    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is <= ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    public static string[] SplitTokens(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
