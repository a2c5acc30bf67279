namespace Aizu.Hardware.Skstack;

/// <summary>
/// Turns the bytes a SKSTACK-IP dongle sends into <see cref="SkstackMessage"/>s. Pure and synchronous: the driver
/// feeds whatever the serial port delivered and calls <see cref="TryRead"/> until it returns false.
/// </summary>
/// <remarks>
/// <para>The reader never throws on wire data: whatever it cannot parse comes back as
/// <see cref="SkstackUnrecognizedLine"/>. Its only state is an EPANDESC block being collected.</para>
/// <para>ERXUDP with <see cref="SkstackDataFormat.Binary"/> data is read by length: the header gives DATALEN and
/// exactly that many raw bytes follow, which may contain CR and LF (smdn/Smdn.Net.SkStackIP reads it the same way
/// and tests a payload of "\r\n"). If the bytes after the header turn out to be 2 × DATALEN hexadecimal characters
/// and a line end instead, the line is accepted as hexadecimal, because the format is a flash setting that differs
/// between dongles.</para>
/// <para>Payloads are copied out of the input, so messages stay valid after the caller recycles its buffer. Memory
/// held between calls is bounded by <see cref="MaxLineLength"/> for lines and by DATALEN (at most 0xFFFF) for a
/// binary ERXUDP waiting for its data.</para>
/// </remarks>
public sealed class SkstackReader
{
    /// <summary>Longest line accepted; a longer run of bytes without line end is reported in pieces of this size.</summary>
    public const int MaxLineLength = SkstackFraming.MaxLineLength;

    private static readonly string[] InfoKeywords =
        ["EAPPVER", "EINFO", "EADDR", "ENEIGHBOR", "EPORT", "EHANDLE", "EEDSCAN", "EPONG", "ESREG"];

    private static readonly string[] EchoPrefixes = ["SK", "WOPT", "ROPT", "WUART", "RUART"];

    private PanDescriptorBlock? panBlock;

    /// <summary>Creates a reader.</summary>
    /// <param name="dialect">The firmware family; it settles the one ambiguous EVENT layout (see <see cref="Dialect"/>).</param>
    /// <param name="dataFormat">How ERXUDP data is printed, as configured with WOPT.</param>
    public SkstackReader(SkstackDialect dialect, SkstackDataFormat dataFormat)
    {
        Dialect = dialect;
        DataFormat = dataFormat;
    }

    /// <summary>
    /// The firmware family. ERXUDP layouts are recognised by field shape in either dialect; the dialect decides an
    /// EVENT with one extra one-digit field: BP35C0 firmware prints SIDE there (<c>EVENT 20 &lt;addr&gt; 0</c>), the
    /// BP35A1 only ever prints PARAM (<c>EVENT 21 &lt;addr&gt; 00</c>).
    /// </summary>
    public SkstackDialect Dialect { get; }

    /// <summary>How ERXUDP data is printed; change it after a successful WOPT.</summary>
    public SkstackDataFormat DataFormat { get; set; }

    /// <summary>Forgets a half-read EPANDESC block, e.g. after the port was reopened.</summary>
    public void Reset() => panBlock = null;

    /// <summary>
    /// Reads the next message. Returns false when more bytes are needed (a partial line, or binary ERXUDP data not yet
    /// complete); <paramref name="reader"/> is advanced only past bytes that were consumed, so the caller keeps the
    /// rest and appends the next read to it.
    /// </summary>
    public bool TryRead(ref SequenceReader<byte> reader, out SkstackMessage? message)
    {
        while (true)
        {
            message = null;
            if (!SkstackFraming.SkipLineEnds(ref reader))
            {
                return false;
            }

            reader.TryPeek(out var first);
            if (panBlock is not null && !PanDescriptorBlock.IsIndented(first))
            {
                // The block ends at the first line that is not part of it; that line is read on the next call.
                message = panBlock.Finish();
                panBlock = null;
                return true;
            }

            if (DataFormat == SkstackDataFormat.Binary)
            {
                switch (SkstackFraming.MatchPrefix(reader, "ERXUDP "u8))
                {
                    case PrefixMatch.Partial:
                        return false;
                    case PrefixMatch.Full:
                        var status = TryReadBinaryErxudp(ref reader, out message);
                        if (status == BinaryStatus.NeedMoreData)
                        {
                            return false;
                        }

                        if (status == BinaryStatus.Done)
                        {
                            return true;
                        }

                        break; // a line end inside the header: read it as an ordinary line
                }
            }

            switch (SkstackFraming.TryTakeLine(ref reader, out var lineBytes))
            {
                case LineStatus.NeedMoreData:
                    return false;
                case LineStatus.TooLong:
                    message = new SkstackUnrecognizedLine(WireText.Decode(lineBytes), "line too long");
                    return true;
            }

            message = ParseLine(WireText.Decode(lineBytes));
            if (message is not null)
            {
                return true;
            }
        }
    }

    private SkstackMessage? ParseLine(string line)
    {
        if (!WireText.IsPrintable(line))
        {
            return new SkstackUnrecognizedLine(line, "non-printable bytes");
        }

        if (panBlock is not null)
        {
            panBlock.Add(line);
            if (!panBlock.IsComplete)
            {
                return null;
            }

            var block = panBlock.Finish();
            panBlock = null;
            return block;
        }

        var fields = WireText.SplitTokens(line);
        if (fields.Length == 0 || line[0] is ' ' or '\t')
        {
            return new SkstackUnrecognizedLine(line, "indented line outside an EPANDESC block");
        }

        var keyword = fields[0];
        switch (keyword)
        {
            case "OK":
                return new SkstackOk { Value = fields.Length > 1 ? string.Join(' ', fields[1..]) : null };
            case "FAIL":
                return fields.Length <= 2
                    ? new SkstackFail(fields.Length == 2 ? fields[1] : string.Empty)
                    : new SkstackUnrecognizedLine(line, "FAIL with extra fields");
            case "EVER":
                return fields.Length == 2
                    ? new SkstackVersion(fields[1])
                    : new SkstackUnrecognizedLine(line, "EVER without a single version field");
            case "EVENT":
                return ParseEvent(line, fields);
            case "ERXUDP":
                return ParseTextErxudp(line, fields);
            case "EPANDESC" when fields.Length == 1:
                panBlock = new PanDescriptorBlock();
                return null;
        }

        if (fields.Length == 1 && SkstackAddress.IsFullFormIpv6(keyword))
        {
            return new SkstackAddressLine(keyword);
        }

        if (Array.IndexOf(InfoKeywords, keyword) >= 0)
        {
            return new SkstackInfoLine(line);
        }

        foreach (var prefix in EchoPrefixes)
        {
            if (keyword.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new SkstackEcho(line);
            }
        }

        return new SkstackUnrecognizedLine(line, "unknown line");
    }

    /// <remarks>
    /// <c>EVENT &lt;NUM&gt; &lt;SENDER&gt; [&lt;SIDE&gt;] [&lt;PARAM&gt;]</c>. BP35A1: <c>EVENT 21 &lt;addr&gt; 00</c>
    /// (smdn/Smdn.Net.SkStackIP tests); BP35C0 style: <c>EVENT 21 &lt;addr&gt; 0 00</c>, <c>EVENT 25 &lt;addr&gt; 0</c>
    /// (u-one/go-el-controller RL7023 tests and BP35C2 emulator; the wisunBp35xx Python driver reads the EVENT 21
    /// status from field 4 on a BP35C0 and field 3 on a BP35A1). The BP35A1 prints the wake-up event 0xC0 without a
    /// sender (smdn SkStackEventParser.cs).
    /// </remarks>
    private SkstackMessage ParseEvent(string line, string[] fields)
    {
        if (fields.Length is < 2 or > 5 || !AsciiHex.TryParse(fields[1], 2, out var number))
        {
            return new SkstackUnrecognizedLine(line, "EVENT without a hexadecimal number");
        }

        var sender = fields.Length > 2 ? fields[2] : string.Empty;
        if (fields.Length > 2 && !SkstackAddress.IsFullFormIpv6(sender))
        {
            return new SkstackUnrecognizedLine(line, "EVENT sender is not a full-form IPv6 address");
        }

        string? sideField = null;
        string? parameterField = null;
        if (fields.Length == 5)
        {
            sideField = fields[3];
            parameterField = fields[4];
        }
        else if (fields.Length == 4)
        {
            var extra = fields[3];
            if (Dialect == SkstackDialect.Bp35C0 && extra.Length == 1)
            {
                sideField = extra;
            }
            else
            {
                parameterField = extra;
            }
        }

        int? side = null;
        if (sideField is not null)
        {
            if (sideField.Length != 1 || !char.IsAsciiDigit(sideField[0]))
            {
                return new SkstackUnrecognizedLine(line, "EVENT SIDE is not a digit");
            }

            side = sideField[0] - '0';
        }

        byte? parameter = null;
        if (parameterField is not null)
        {
            if (!AsciiHex.TryParse(parameterField, 2, out var value))
            {
                return new SkstackUnrecognizedLine(line, "EVENT PARAM is not hexadecimal");
            }

            parameter = (byte)value;
        }

        return new SkstackEvent((SkstackEventCode)number, sender, side, parameter);
    }

    /// <summary>An ERXUDP that is a complete text line: hexadecimal data, or a binary one whose DATALEN is 0.</summary>
    private static SkstackMessage ParseTextErxudp(string line, string[] fields)
    {
        var dataLengthIndex = -1;
        for (var i = 1; i < fields.Length && i <= ErxudpLayout.MaxHeaderFieldCount; i++)
        {
            if (ErxudpLayout.IsDataLength(i - 1, fields[i]))
            {
                dataLengthIndex = i;
                break;
            }
        }

        if (dataLengthIndex < 0)
        {
            return new SkstackUnrecognizedLine(line, "ERXUDP without DATALEN");
        }

        var reason = ErxudpLayout.TryParse(fields[1..(dataLengthIndex + 1)], out var header);
        if (reason is not null)
        {
            return new SkstackUnrecognizedLine(line, reason);
        }

        var dataFields = fields.Length - dataLengthIndex - 1;
        if (header!.DataLength == 0 && dataFields == 0)
        {
            return header.WithData(ReadOnlyMemory<byte>.Empty);
        }

        if (dataFields != 1)
        {
            return new SkstackUnrecognizedLine(line, "ERXUDP data is missing or split");
        }

        var hex = fields[^1];
        if (hex.Length != 2 * header.DataLength || !AsciiHex.TryDecode(hex, out var data))
        {
            return new SkstackUnrecognizedLine(line, "ERXUDP data does not match DATALEN as hexadecimal");
        }

        return header.WithData(data);
    }

    private static BinaryStatus TryReadBinaryErxudp(ref SequenceReader<byte> reader, out SkstackMessage? message)
    {
        message = null;
        var probe = reader;
        probe.Advance("ERXUDP ".Length);
        var fields = new List<string>(ErxudpLayout.MaxHeaderFieldCount);
        while (true)
        {
            switch (SkstackFraming.TryTakeToken(ref probe, out var field))
            {
                case TokenStatus.NeedMoreData:
                    return BinaryStatus.NeedMoreData;
                case TokenStatus.LineEnded:
                    return BinaryStatus.Fallback;
                case TokenStatus.TooLong:
                    return Reject(ref reader, probe, "ERXUDP header field too long", out message);
            }

            fields.Add(field);
            if (ErxudpLayout.IsDataLength(fields.Count - 1, field))
            {
                break;
            }

            if (fields.Count >= ErxudpLayout.MaxHeaderFieldCount)
            {
                return Reject(ref reader, probe, "ERXUDP without DATALEN", out message);
            }
        }

        var reason = ErxudpLayout.TryParse(fields, out var header);
        if (reason is not null)
        {
            return Reject(ref reader, probe, reason, out message);
        }

        var length = header!.DataLength;
        if (probe.Remaining < length + 1)
        {
            return BinaryStatus.NeedMoreData;
        }

        var dataProbe = probe;
        var dataStart = probe.Position;
        probe.Advance(length);
        probe.TryPeek(out var afterData);
        if (SkstackFraming.IsLineEnd(afterData))
        {
            var data = probe.Sequence.Slice(dataStart, probe.Position).ToArray();
            probe.Advance(1);
            reader = probe;
            message = header.WithData(data);
            return BinaryStatus.Done;
        }

        switch (TryReadHexData(ref dataProbe, header, out message))
        {
            case BinaryStatus.NeedMoreData:
                return BinaryStatus.NeedMoreData;
            case BinaryStatus.Done:
                reader = dataProbe;
                return BinaryStatus.Done;
        }

        return Reject(ref reader, probe, "ERXUDP data is not followed by a line end after DATALEN bytes", out message);
    }

    /// <summary>Accepts hexadecimal data on a reader set to binary, deciding only from the bytes themselves.</summary>
    private static BinaryStatus TryReadHexData(
        ref SequenceReader<byte> probe, ErxudpHeader header, out SkstackMessage? message)
    {
        message = null;
        var hexLength = 2 * header.DataLength;
        var available = (int)Math.Min(probe.Remaining, hexLength + 1);
        var candidate = probe.UnreadSequence.Slice(0, available).ToArray();
        for (var i = 0; i < Math.Min(available, hexLength); i++)
        {
            if (!AsciiHex.IsDigit((char)candidate[i]))
            {
                return BinaryStatus.Fallback;
            }
        }

        if (available <= hexLength)
        {
            return BinaryStatus.NeedMoreData;
        }

        if (!SkstackFraming.IsLineEnd(candidate[hexLength]))
        {
            return BinaryStatus.Fallback;
        }

        AsciiHex.TryDecode(WireText.Decode(candidate.AsSpan(0, hexLength)), out var data);
        probe.Advance(hexLength + 1);
        message = header.WithData(data);
        return BinaryStatus.Done;
    }

    private static BinaryStatus Reject(
        ref SequenceReader<byte> reader, SequenceReader<byte> probe, string reason, out SkstackMessage? message)
    {
        message = new SkstackUnrecognizedLine(WireText.Advance(ref reader, probe), reason);
        return BinaryStatus.Done;
    }

    private enum BinaryStatus
    {
        NeedMoreData,
        Done,
        Fallback,
    }
}
