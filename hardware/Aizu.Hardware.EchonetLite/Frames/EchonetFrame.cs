namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// A parsed ECHONET Lite frame in specified message format 1 (ECHONET Lite specification Part 2, 3.2):
/// EHD1 EHD2 TID SEOJ DEOJ ESV OPC (EPC PDC EDT)* [OPCGet (EPC PDC EDT)*].
/// </summary>
/// <remarks>
/// A view over the caller's bytes: parsing copies nothing, so the frame and every EDT read from it are only valid
/// while that buffer is.
/// </remarks>
public readonly ref struct EchonetFrame
{
    internal const byte Ehd1 = 0x10;
    internal const byte Format1Ehd2 = 0x81;
    internal const byte ArbitraryFormatEhd2 = 0x82;
    internal const int HeaderLength = 12;
    internal const int EsvOffset = 10;
    internal const int OpcOffset = 11;

    private EchonetFrame(
        ushort tid,
        EchonetObject source,
        EchonetObject destination,
        EchonetService service,
        PropertyList properties,
        PropertyList secondProperties)
    {
        Tid = tid;
        Source = source;
        Destination = destination;
        Service = service;
        Properties = properties;
        SecondProperties = secondProperties;
    }

    public ushort Tid { get; }

    /// <summary>SEOJ.</summary>
    public EchonetObject Source { get; }

    /// <summary>DEOJ.</summary>
    public EchonetObject Destination { get; }

    public EchonetService Service { get; }

    /// <summary>The OPC properties; for the SetGet family these are the Set properties.</summary>
    public PropertyList Properties { get; }

    /// <summary>The Get properties of SetGet, SetGet_Res and SetGet_SNA; empty for every other service.</summary>
    public PropertyList SecondProperties { get; }

    /// <exception cref="EchonetLiteFormatException">The bytes are not a complete, well-formed format 1 frame.</exception>
    public static EchonetFrame Parse(ReadOnlySpan<byte> data)
    {
        if (!TryParseCore(data, out var frame, out var error))
        {
            Throw(error);
        }

        return frame;
    }

    /// <summary>Parses without throwing, for receive loops where malformed datagrams are routine.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out EchonetFrame frame) =>
        TryParseCore(data, out frame, out _);

    internal static bool TryParseCore(ReadOnlySpan<byte> data, out EchonetFrame frame, out FrameError error)
    {
        frame = default;

        if (data.Length < HeaderLength)
        {
            error = FrameError.TooShort(data.Length);
            return false;
        }

        if (data[0] != Ehd1)
        {
            error = FrameError.NotEchonetLite(data.Length, data[0]);
            return false;
        }

        if (data[1] != Format1Ehd2)
        {
            error = FrameError.BadFormat(data.Length, data[1]);
            return false;
        }

        var service = (EchonetService)data[EsvOffset];
        if (!ServiceLayout.IsKnown(service))
        {
            error = FrameError.UnknownService(data.Length, data[EsvOffset]);
            return false;
        }

        int offset = OpcOffset;
        if (!TryReadList(data, ref offset, out var properties, out error))
        {
            return false;
        }

        var secondProperties = default(PropertyList);
        if (ServiceLayout.HasSecondList(service))
        {
            if (offset >= data.Length)
            {
                error = FrameError.SecondOpcMissing(data.Length, data[EsvOffset]);
                return false;
            }

            if (!TryReadList(data, ref offset, out secondProperties, out error))
            {
                return false;
            }
        }

        if (offset != data.Length)
        {
            error = FrameError.TrailingBytes(data.Length, offset);
            return false;
        }

        frame = new EchonetFrame(
            BinaryPrimitives.ReadUInt16BigEndian(data[2..]),
            EchonetObject.Read(data[4..]),
            EchonetObject.Read(data[7..]),
            service,
            properties,
            secondProperties);
        error = default;
        return true;
    }

    /// <summary>Reads an OPC and its properties starting at <paramref name="offset"/>, which must be in bounds.</summary>
    private static bool TryReadList(
        ReadOnlySpan<byte> data,
        scoped ref int offset,
        out PropertyList list,
        out FrameError error)
    {
        int count = data[offset];
        int start = offset + 1;
        int position = start;

        for (int index = 0; index < count; index++)
        {
            if (data.Length - position < 2)
            {
                list = default;
                error = FrameError.PropertyHeaderCut(data.Length, position, index, count);
                return false;
            }

            byte epc = data[position];
            byte pdc = data[position + 1];
            if (data.Length - (position + 2) < pdc)
            {
                list = default;
                error = FrameError.PdcPastEnd(data.Length, position + 2, epc, pdc);
                return false;
            }

            position += 2 + pdc;
        }

        list = new PropertyList(data[start..position], count);
        offset = position;
        error = default;
        return true;
    }

    // Kept out of Parse so the success path stays small enough to inline and free of string formatting.
    [DoesNotReturn]
    private static void Throw(FrameError error) => throw new EchonetLiteFormatException(error.Describe());
}
