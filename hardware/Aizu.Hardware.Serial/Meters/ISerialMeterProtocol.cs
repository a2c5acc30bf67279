namespace Aizu.Hardware.Serial.Meters;

/// <summary>
/// What one kind of push meter (a DSMR P1 port, an SML optical interface, …) adds to
/// <see cref="SerialMeterSource{TReadout, TErrorKind}"/>: its framer, its parser and its mapper to readings. The loop
/// does the rest: opening, reading, resynchronising, silence, reconnecting and counting.
/// </summary>
/// <typeparam name="TReadout">What the parser produces from one frame.</typeparam>
/// <typeparam name="TErrorKind">The parser's reasons for refusing a frame.</typeparam>
public interface ISerialMeterProtocol<TReadout, TErrorKind>
    where TErrorKind : struct, Enum
{
    /// <summary>How log lines name this meter.</summary>
    SerialMeterWording Wording { get; }

    /// <summary>The line settings as the log shows them, e.g. <c>115200 8N1</c>.</summary>
    string Line { get; }

    /// <summary>
    /// Takes the next frame, or a stretch of skipped bytes, from <paramref name="reader"/> and advances past it; false,
    /// consuming nothing that could still belong to a frame, when more bytes are needed.
    /// </summary>
    bool TryReadFrame(ref SequenceReader<byte> reader, out SerialFrame frame);

    /// <summary>Checks and parses one frame; nothing of a refused frame may be used.</summary>
    bool TryParse(in ReadOnlySequence<byte> frame, [MaybeNullWhen(false)] out TReadout readout, out FrameRejection<TErrorKind> rejection);

    /// <summary>Names the meter for the log line after the first valid frame (its serial number, its version).</summary>
    string DescribeMeter(TReadout readout);

    /// <summary>A fresh mapper for one run of the driver.</summary>
    IReadingMapper<TReadout> CreateMapper();
}
