namespace Aizu.Hardware.Skstack;

/// <summary>
/// The dongle's side of the serial line, for the simulator: turns the bytes a host writes into
/// <see cref="SkstackCommand"/>s. Never throws on wire data; bad input becomes <see cref="SkstackMalformedCommand"/>.
/// </summary>
/// <remarks>
/// Unlike <see cref="SkstackReader"/>, which is lenient so a driver survives real firmware, this reader is strict
/// about the dialect it simulates: a BP35C0-layout SKSENDTO sent to a simulated BP35A1 is malformed, as the real
/// dongle would misread its SIDE field as DATALEN.
/// </remarks>
public sealed class SkstackCommandReader
{
    /// <summary>Creates a reader for a simulated dongle of the given dialect.</summary>
    public SkstackCommandReader(SkstackDialect dialect) => Dialect = dialect;

    /// <summary>The dialect of the simulated dongle.</summary>
    public SkstackDialect Dialect { get; }

    /// <summary>
    /// Reads the next command. Returns false when more bytes are needed; <paramref name="reader"/> is advanced only
    /// past consumed bytes. SKSENDTO consumes exactly DATALEN raw bytes after its header; a CRLF a host may add after
    /// them is skipped as an empty line.
    /// </summary>
    public bool TryRead(ref SequenceReader<byte> reader, out SkstackCommand? command)
    {
        command = null;
        if (!SkstackFraming.SkipLineEnds(ref reader))
        {
            return false;
        }

        switch (SkstackFraming.MatchPrefix(reader, "SKSENDTO "u8))
        {
            case PrefixMatch.Partial:
                return false;
            case PrefixMatch.Full:
                var status = TryReadSendTo(ref reader, out command);
                if (status != SendToStatus.LineEnded)
                {
                    return status == SendToStatus.Done;
                }

                break;
        }

        switch (SkstackFraming.TryTakeLine(ref reader, out var lineBytes))
        {
            case LineStatus.NeedMoreData:
                return false;
            case LineStatus.TooLong:
                command = new SkstackMalformedCommand(WireText.Decode(lineBytes), "line too long");
                return true;
        }

        var line = WireText.Decode(lineBytes);
        if (!WireText.IsPrintable(line))
        {
            command = new SkstackMalformedCommand(line, "non-printable bytes");
            return true;
        }

        var fields = WireText.SplitTokens(line);
        if (fields.Length == 0)
        {
            command = new SkstackMalformedCommand(line, "blank line");
            return true;
        }

        var arguments = fields[1..];
        var reason = CommandRules.Check(Dialect, fields[0], arguments);
        command = reason is null
            ? new SkstackTextCommand(fields[0], arguments)
            : new SkstackMalformedCommand(line, reason);
        return true;
    }

    private SendToStatus TryReadSendTo(ref SequenceReader<byte> reader, out SkstackCommand? command)
    {
        command = null;
        var probe = reader;
        probe.Advance("SKSENDTO ".Length);
        var expectedFields = Dialect == SkstackDialect.Bp35C0 ? 6 : 5;
        var fields = new List<string>(expectedFields);
        while (fields.Count < expectedFields)
        {
            switch (SkstackFraming.TryTakeToken(ref probe, out var field))
            {
                case TokenStatus.NeedMoreData:
                    return SendToStatus.NeedMoreData;
                case TokenStatus.LineEnded:
                    return SendToStatus.LineEnded;
                case TokenStatus.TooLong:
                    return Reject(ref reader, probe, "SKSENDTO header field too long", out command);
            }

            var reason = CheckSendToField(fields.Count, expectedFields, field);
            if (reason is not null)
            {
                return Reject(ref reader, probe, reason, out command);
            }

            fields.Add(field);
        }

        AsciiHex.TryParse(fields[^1], 4, out var length);
        if (length is < 1 or > SkstackCommands.MaxSendToDataLength)
        {
            return Reject(ref reader, probe, "SKSENDTO DATALEN out of range", out command);
        }

        var dataLength = (int)length;
        if (probe.Remaining < dataLength)
        {
            return SendToStatus.NeedMoreData;
        }

        var data = probe.UnreadSequence.Slice(0, dataLength).ToArray();
        probe.Advance(dataLength);
        reader = probe;
        AsciiHex.TryParse(fields[0], 1, out var handle);
        AsciiHex.TryParse(fields[2], 4, out var port);
        command = new SkstackSendToCommand(
            (int)handle,
            fields[1],
            (ushort)port,
            fields[3] == "1",
            expectedFields == 6 ? fields[4][0] - '0' : null,
            data);
        return SendToStatus.Done;
    }

    /// <summary>Checks each header field as soon as it is read, so a header of the wrong dialect is rejected before
    /// the reader would take raw data for a field.</summary>
    /// <remarks>Field shapes: HANDLE one hexadecimal digit 1–6, IPADDR full form, PORT and DATALEN four hexadecimal
    /// digits, SEC 0–2 ("2" = encrypt if a session exists, Zig BP35C0 driver <c>SecOption</c>), SIDE 0 or 1.</remarks>
    private string? CheckSendToField(int index, int fieldCount, string field)
    {
        if (index == fieldCount - 1)
        {
            if (AsciiHex.IsDigits(field, 4))
            {
                return null;
            }

            return Dialect == SkstackDialect.Bp35A1 && field.Length == 1
                ? "SKSENDTO has a SIDE field, which a BP35A1 does not take"
                : "SKSENDTO DATALEN must be 4 hexadecimal digits";
        }

        return index switch
        {
            0 => AsciiHex.TryParse(field, 1, out var handle) && handle is >= 1 and <= 6
                ? null
                : "SKSENDTO HANDLE must be 1-6",
            1 => SkstackAddress.IsFullFormIpv6(field) ? null : "SKSENDTO IPADDR is not a full-form IPv6 address",
            2 => AsciiHex.IsDigits(field, 4) ? null : "SKSENDTO PORT must be 4 hexadecimal digits",
            3 => field is "0" or "1" or "2" ? null : "SKSENDTO SEC must be 0, 1 or 2",
            _ => field is "0" or "1" ? null : "SKSENDTO SIDE must be 0 or 1 (is DATALEN missing its SIDE?)",
        };
    }

    private static SendToStatus Reject(
        ref SequenceReader<byte> reader, SequenceReader<byte> probe, string reason, out SkstackCommand? command)
    {
        command = new SkstackMalformedCommand(WireText.Advance(ref reader, probe), reason);
        return SendToStatus.Done;
    }

    private enum SendToStatus
    {
        NeedMoreData,
        Done,
        LineEnded,
    }
}
