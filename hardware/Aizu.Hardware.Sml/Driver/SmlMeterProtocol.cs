namespace Aizu.Hardware.Sml;

/// <summary>What an SML optical read head adds to the serial meter loop: <see cref="SmlFramer"/>,
/// <see cref="SmlFileParser"/> and <see cref="SmlReadingMapper"/>.</summary>
internal sealed class SmlMeterProtocol(SmlOptions options) : ISerialMeterProtocol<SmlFile, SmlErrorKind>
{
    private static readonly SerialMeterWording ReadHeadWording = new(
        "SML read head", "SML frame", "check that the read head sits on the meter's info interface (magnet, alignment) and that the meter's push is enabled.");

    public SerialMeterWording Wording => ReadHeadWording;

    public string Line { get; } = $"{options.BaudRate} baud 8N1";

    public bool TryReadFrame(ref SequenceReader<byte> reader, out SerialFrame frame) => SmlFramer.TryReadFrame(ref reader, out frame);

    public bool TryParse(in ReadOnlySequence<byte> frame, [MaybeNullWhen(false)] out SmlFile readout, out FrameRejection<SmlErrorKind> rejection)
    {
        if (SmlFileParser.TryParseFrame(frame.IsSingleSegment ? frame.FirstSpan : frame.ToArray(), out readout, out var error))
        {
            rejection = default;
            return true;
        }

        rejection = new(error.Kind, error.Message);
        return false;
    }

    public string DescribeMeter(SmlFile readout) =>
        readout.Messages.Select(m => m.Body).OfType<SmlGetListResponse>().FirstOrDefault()?.ServerId is { } server ? Convert.ToHexString(server) : "(unknown)";

    public IReadingMapper<SmlFile> CreateMapper() => new SmlReadingMapper(options);
}
