namespace Aizu.Hardware.Skstack;

/// <summary>
/// Line and token framing shared by both directions. Every decision here depends only on the bytes, never on how
/// they were split into reads, so feeding a stream in any chunks yields the same messages.
/// </summary>
/// <remarks>
/// Lines end in CRLF, but a bare CR or a bare LF also ends a line: the product-configuration commands
/// (WOPT/ROPT/WUART/RUART) and their answers use a bare CR (smdn/Smdn.Net.SkStackIP,
/// src/Smdn.Devices.BP35XX/.../BP35CommandSyntax.cs), and some hosts send bare LF. Ending a line at CR and treating
/// the LF that follows as an empty line (which is skipped) keeps a stream split between CR and LF unambiguous.
/// </remarks>
internal static class SkstackFraming
{
    /// <summary>Longest line accepted; longer ones are cut off so garbage cannot grow memory without bound.</summary>
    public const int MaxLineLength = 2048;

    /// <summary>Longest header token (a full-form IPv6 address has 39 characters).</summary>
    public const int MaxTokenLength = 64;

    private static ReadOnlySpan<byte> LineEnds => "\r\n"u8;

    private static ReadOnlySpan<byte> TokenEnds => " \r\n"u8;

    public static bool IsLineEnd(byte value) => value is (byte)'\r' or (byte)'\n';

    /// <summary>Consumes empty lines. Returns false when nothing else is buffered.</summary>
    public static bool SkipLineEnds(ref SequenceReader<byte> reader)
    {
        while (reader.TryPeek(out var value))
        {
            if (!IsLineEnd(value))
            {
                return true;
            }

            reader.Advance(1);
        }

        return false;
    }

    /// <summary>Compares the unread bytes with <paramref name="keyword"/> without consuming anything.</summary>
    public static PrefixMatch MatchPrefix(in SequenceReader<byte> reader, ReadOnlySpan<byte> keyword)
    {
        var available = (int)Math.Min(reader.Remaining, keyword.Length);
        Span<byte> head = stackalloc byte[available];
        if (!reader.TryCopyTo(head) || !head.SequenceEqual(keyword[..available]))
        {
            return PrefixMatch.None;
        }

        return available == keyword.Length ? PrefixMatch.Full : PrefixMatch.Partial;
    }

    /// <summary>
    /// Takes one line and consumes the single CR or LF that ends it. A line longer than <see cref="MaxLineLength"/>
    /// is cut: its first <see cref="MaxLineLength"/> bytes are consumed and reported as <see cref="LineStatus.TooLong"/>.
    /// </summary>
    public static LineStatus TryTakeLine(ref SequenceReader<byte> reader, out byte[] line)
    {
        var window = reader.UnreadSequence.Slice(0, Math.Min(reader.Remaining, MaxLineLength + 1));
        var probe = new SequenceReader<byte>(window);
        if (probe.TryAdvanceToAny(LineEnds, advancePastDelimiter: false) && probe.Consumed <= MaxLineLength)
        {
            line = window.Slice(0, probe.Consumed).ToArray();
            reader.Advance(probe.Consumed + 1);
            return LineStatus.Line;
        }

        if (window.Length > MaxLineLength)
        {
            line = window.Slice(0, MaxLineLength).ToArray();
            reader.Advance(MaxLineLength);
            return LineStatus.TooLong;
        }

        line = [];
        return LineStatus.NeedMoreData;
    }

    /// <summary>
    /// Reads one space-terminated header token and consumes the space. Stops without consuming at a line end (the
    /// caller then re-reads the whole line) and gives up on tokens longer than <see cref="MaxTokenLength"/>.
    /// </summary>
    public static TokenStatus TryTakeToken(ref SequenceReader<byte> reader, out string token)
    {
        token = string.Empty;
        var window = reader.UnreadSequence.Slice(0, Math.Min(reader.Remaining, MaxTokenLength + 1));
        var probe = new SequenceReader<byte>(window);
        if (!probe.TryAdvanceToAny(TokenEnds, advancePastDelimiter: false) || probe.Consumed > MaxTokenLength)
        {
            return window.Length > MaxTokenLength ? TokenStatus.TooLong : TokenStatus.NeedMoreData;
        }

        probe.TryPeek(out var delimiter);
        if (IsLineEnd(delimiter))
        {
            return TokenStatus.LineEnded;
        }

        token = WireText.Decode(window.Slice(0, probe.Consumed).ToArray());
        reader.Advance(probe.Consumed + 1);
        return TokenStatus.Token;
    }
}
