namespace Aizu.Hardware.Dsmr;

/// <summary>What a P1 port adds to the serial meter loop: <see cref="DsmrFramer"/>, <see cref="DsmrTelegramParser"/>
/// and <see cref="DsmrReadingMapper"/>.</summary>
internal sealed class DsmrMeterProtocol(DsmrOptions options) : ISerialMeterProtocol<DsmrReadout, DsmrErrorKind>
{
    private static readonly SerialMeterWording P1Wording = new(
        "P1 port", "telegram", "check the P1 cable and that the meter's P1 port is enabled (data-request line).");

    private readonly DsmrParseOptions _parseOptions = DsmrLine.ParseOptions(options.Protocol);

    // Reused for every telegram: parsing a valid telegram into it allocates nothing.
    private readonly DsmrReadout _readout = new();

    public SerialMeterWording Wording => P1Wording;

    public string Line { get; } = DsmrLine.Describe(options.Protocol);

    public bool TryReadFrame(ref SequenceReader<byte> reader, out SerialFrame frame) => DsmrFramer.TryReadFrame(ref reader, out frame);

    public bool TryParse(in ReadOnlySequence<byte> frame, [MaybeNullWhen(false)] out DsmrReadout readout, out FrameRejection<DsmrErrorKind> rejection)
    {
        if (DsmrTelegramParser.TryParse(frame, _parseOptions, _readout, out var error))
        {
            readout = _readout;
            rejection = default;
            return true;
        }

        readout = null;
        rejection = new(error.Kind, error.Message);
        return false;
    }

    public string DescribeMeter(DsmrReadout readout) => $"{readout.Identification} (P1 version {readout.Version ?? "2.2/3"})";

    public IReadingMapper<DsmrReadout> CreateMapper() => new DsmrReadingMapper(options);
}
