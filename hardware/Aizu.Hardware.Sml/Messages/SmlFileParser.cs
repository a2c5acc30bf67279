namespace Aizu.Hardware.Sml;

/// <summary>
/// Decodes SML 1.04: a transport frame (<see cref="ParseFrame"/>) or the file inside it (<see cref="ParseFile"/>) into
/// messages, with GetList.Res values typed. A frame is accepted only whole: wrong transport CRC, cut-off frame or
/// malformed message rejects it all.
/// </summary>
public static class SmlFileParser
{
    /// <summary>Checks and decodes a whole transport frame.</summary>
    /// <exception cref="SmlFormatException">The frame or file is invalid; <see cref="SmlFormatException.Kind"/> says why.</exception>
    public static SmlFile ParseFrame(ReadOnlySpan<byte> frame) => ParseFile(SmlTransport.Unwrap(frame));

    /// <summary>Checks and decodes a frame that may span several buffer segments (as <see cref="SmlFramer"/> returns it).</summary>
    /// <exception cref="SmlFormatException">The frame or file is invalid.</exception>
    public static SmlFile ParseFrame(in ReadOnlySequence<byte> frame) =>
        ParseFrame(frame.IsSingleSegment ? frame.FirstSpan : frame.ToArray());

    /// <summary>Decodes a frame without throwing; <paramref name="error"/> says why it was rejected.</summary>
    public static bool TryParseFrame(ReadOnlySpan<byte> frame, [NotNullWhen(true)] out SmlFile? file, out SmlError error)
    {
        try
        {
            file = ParseFrame(frame);
            error = default;
            return true;
        }
        catch (SmlFormatException ex)
        {
            file = null;
            error = ex.ToError();
            return false;
        }
    }

    /// <summary>Decodes an SML file (the unescaped content of a transport frame, padding removed).</summary>
    /// <exception cref="SmlFormatException">The file is invalid.</exception>
    public static SmlFile ParseFile(ReadOnlySpan<byte> file)
    {
        var reader = new SmlTlvReader(file);
        var messages = new List<SmlMessage>();
        while (!reader.End)
        {
            // Zero bytes between or after messages are padding.
            if (reader.Peek() == 0x00)
            {
                reader.ExpectEndOfMessage();
                continue;
            }

            messages.Add(ReadMessage(ref reader, file));
        }

        if (messages.Count == 0)
        {
            throw new SmlFormatException(SmlErrorKind.Malformed, "The SML file holds no message.");
        }

        return new SmlFile(messages);
    }

    private static SmlMessage ReadMessage(ref SmlTlvReader reader, ReadOnlySpan<byte> file)
    {
        int start = reader.Position;
        reader.ExpectList(6, "SML_Message");
        var transaction = reader.ReadOctetString("transactionId");
        var group = reader.ReadUnsigned("groupNo");
        var abort = reader.ReadUnsigned("abortOnError");
        reader.ExpectList(2, "SML_MessageBody");
        var tag = (SmlMessageTag)reader.ReadUnsigned("the message body tag");
        SmlMessageBody? body = tag switch
        {
            SmlMessageTag.OpenResponse => ReadOpenResponse(ref reader),
            SmlMessageTag.CloseResponse => ReadCloseResponse(ref reader),
            SmlMessageTag.GetListResponse => ReadGetListResponse(ref reader),
            _ => null,
        };
        if (body is null)
        {
            reader.Skip();
        }

        ushort expected = SmlCrc16.ComputeForMessage(file[start..reader.Position]);
        ushort crc = (ushort)reader.ReadUnsigned("the message CRC");
        reader.ExpectEndOfMessage();
        return new SmlMessage(transaction, group, abort, tag, body, crc, crc == expected);
    }

    private static SmlOpenResponse ReadOpenResponse(ref SmlTlvReader reader)
    {
        reader.ExpectList(6, "SML_PublicOpen.Res");
        return new SmlOpenResponse(
            reader.ReadOptionalOctetString("codepage"),
            reader.ReadOptionalOctetString("clientId"),
            reader.ReadOctetString("reqFileId"),
            reader.ReadOctetString("serverId"),
            reader.ReadOptionalTime("refTime"),
            reader.ReadOptionalUnsigned("smlVersion"));
    }

    private static SmlCloseResponse ReadCloseResponse(ref SmlTlvReader reader)
    {
        reader.ExpectList(1, "SML_PublicClose.Res");
        return new SmlCloseResponse(reader.ReadOptionalOctetString("globalSignature"));
    }

    private static SmlGetListResponse ReadGetListResponse(ref SmlTlvReader reader)
    {
        reader.ExpectList(7, "SML_GetList.Res");
        var client = reader.ReadOptionalOctetString("clientId");
        var server = reader.ReadOctetString("serverId");
        var name = reader.ReadOptionalOctetString("listName");
        var sensorTime = reader.ReadOptionalTime("actSensorTime");
        int count = reader.ReadListHeader("valList");
        var entries = new List<SmlListEntry>(count);
        for (int i = 0; i < count; i++)
        {
            reader.ExpectList(7, "SML_ListEntry");
            entries.Add(new SmlListEntry(
                reader.ReadOctetString("objName"),
                reader.ReadOptionalUnsigned("status"),
                reader.ReadOptionalTime("valTime"),
                (byte?)reader.ReadOptionalUnsigned("unit"),
                reader.TryReadAbsent() ? null : (sbyte)reader.ReadSigned("scaler"),
                reader.ReadValue(),
                reader.ReadOptionalOctetString("valueSignature")));
        }

        var signature = reader.ReadOptionalOctetString("listSignature");
        var gatewayTime = reader.ReadOptionalTime("actGatewayTime");
        return new SmlGetListResponse(client, server, name, sensorTime, DzgPowerQuirk.Correct(entries), signature, gatewayTime);
    }
}
