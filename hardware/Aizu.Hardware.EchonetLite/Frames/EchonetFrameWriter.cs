namespace Aizu.Hardware.EchonetLite;

/// <summary>
/// Builds a format 1 frame into a caller-supplied buffer: <see cref="WriteHeader"/>, then
/// <see cref="AddProperty"/> per property (with <see cref="BeginSecondList"/> between the Set and Get properties of
/// the SetGet family), then <see cref="Complete"/> for the length to send.
/// </summary>
/// <remarks>
/// Misuse (too small a buffer, an EDT over 255 bytes, calls out of order) is a bug in the caller, not bad input from
/// the wire, so it throws <see cref="ArgumentException"/> or <see cref="InvalidOperationException"/> rather than
/// <see cref="EchonetLiteFormatException"/>.
/// </remarks>
public ref struct EchonetFrameWriter
{
    private const int MaxPropertiesPerList = byte.MaxValue;
    private const int MaxPdc = byte.MaxValue;

    private readonly Span<byte> _destination;
    private int _position;
    private int _opcOffset;
    private EchonetService _service;
    private Stage _stage;

    public EchonetFrameWriter(Span<byte> destination)
    {
        _destination = destination;
        _position = 0;
        _opcOffset = 0;
        _service = default;
        _stage = Stage.Empty;
    }

    private enum Stage
    {
        Empty,
        FirstList,
        SecondList,
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _position;

    public void WriteHeader(ushort tid, EchonetObject source, EchonetObject destination, EchonetService service)
    {
        if (_stage != Stage.Empty)
        {
            throw new InvalidOperationException("The header has already been written.");
        }

        if (!ServiceLayout.IsKnown(service))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"ESV 0x{(byte)service:X2} is not an ECHONET Lite service code."),
                nameof(service));
        }

        EnsureRoom(EchonetFrame.HeaderLength);

        _destination[0] = EchonetFrame.Ehd1;
        _destination[1] = EchonetFrame.Format1Ehd2;
        BinaryPrimitives.WriteUInt16BigEndian(_destination[2..], tid);
        source.Write(_destination[4..]);
        destination.Write(_destination[7..]);
        _destination[EchonetFrame.EsvOffset] = (byte)service;
        _destination[EchonetFrame.OpcOffset] = 0;

        _service = service;
        _opcOffset = EchonetFrame.OpcOffset;
        _position = EchonetFrame.HeaderLength;
        _stage = Stage.FirstList;
    }

    /// <summary>Appends EPC, PDC (= <paramref name="edt"/> length) and EDT, and counts it in the current OPC.</summary>
    public void AddProperty(byte epc, ReadOnlySpan<byte> edt)
    {
        if (_stage == Stage.Empty)
        {
            throw new InvalidOperationException("WriteHeader must be called before AddProperty.");
        }

        if (edt.Length > MaxPdc)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"EDT for EPC 0x{epc:X2} is {edt.Length} bytes; PDC is one byte, so at most {MaxPdc}."),
                nameof(edt));
        }

        if (_destination[_opcOffset] == MaxPropertiesPerList)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"A property list holds at most {MaxPropertiesPerList} properties (OPC is one byte)."));
        }

        EnsureRoom(2 + edt.Length);

        _destination[_position] = epc;
        _destination[_position + 1] = (byte)edt.Length;
        edt.CopyTo(_destination[(_position + 2)..]);
        _position += 2 + edt.Length;
        _destination[_opcOffset]++;
    }

    /// <summary>Ends the Set properties of a SetGet-family frame and starts its Get properties (OPCGet).</summary>
    public void BeginSecondList()
    {
        if (_stage != Stage.FirstList || !ServiceLayout.HasSecondList(_service))
        {
            throw new InvalidOperationException(_stage == Stage.SecondList
                ? "The second property list has already begun."
                : "Only SetGet, SetGet_Res and SetGet_SNA frames have a second property list, and only after WriteHeader.");
        }

        EnsureRoom(1);

        _opcOffset = _position;
        _destination[_position] = 0;
        _position++;
        _stage = Stage.SecondList;
    }

    /// <summary>Returns the total length of the frame written into the destination.</summary>
    public readonly int Complete()
    {
        if (_stage == Stage.Empty)
        {
            throw new InvalidOperationException("WriteHeader must be called before Complete.");
        }

        if (_stage == Stage.FirstList && ServiceLayout.HasSecondList(_service))
        {
            // A SetGet frame without OPCGet is malformed; making the caller say so keeps an empty Get list deliberate.
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"ESV {_service} needs BeginSecondList before Complete, even for an empty Get list."));
        }

        return _position;
    }

    /// <summary>Writes a Get (ESV 0x62) for the given EPCs, each with PDC 0, and returns the frame length.</summary>
    /// <param name="buffer">Where the frame is written; named apart from <paramref name="destination"/>, the DEOJ.</param>
    public static int WriteGet(
        Span<byte> buffer,
        ushort tid,
        EchonetObject source,
        EchonetObject destination,
        ReadOnlySpan<byte> epcs)
    {
        if (epcs.Length > MaxPropertiesPerList)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{epcs.Length} EPCs requested; OPC is one byte, so at most {MaxPropertiesPerList}."),
                nameof(epcs));
        }

        var writer = new EchonetFrameWriter(buffer);
        writer.WriteHeader(tid, source, destination, EchonetService.Get);
        foreach (byte epc in epcs)
        {
            writer.AddProperty(epc, []);
        }

        return writer.Complete();
    }

    private readonly void EnsureRoom(int count)
    {
        if (_destination.Length - _position < count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"Destination holds {_destination.Length} bytes; the frame needs at least {_position + count}."));
        }
    }
}
