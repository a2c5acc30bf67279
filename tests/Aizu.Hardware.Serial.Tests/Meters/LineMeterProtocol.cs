namespace Aizu.Hardware.Serial.Tests.Meters;

/// <summary>
/// A made-up meter that pushes lines such as <c>#1234</c> (watts): all a fourth serial meter has to write is a framer,
/// a parser and a mapper like these. <c>#boom</c> makes the parser fail, as a parser bug on an odd frame would; a
/// negative number is a value the mapper cannot use, as an odd object in a valid frame is.
/// </summary>
internal sealed class LineMeterProtocol : ISerialMeterProtocol<int, LineMeterError>
{
    public SerialMeterWording Wording { get; } = new("line meter", "line", "check the test's pseudo-terminal.");

    public string Line => "115200 8N1";

    public bool TryReadFrame(ref SequenceReader<byte> reader, out SerialFrame frame)
    {
        frame = default;
        var start = reader.Position;
        if (!reader.TryAdvanceTo((byte)'\n'))
        {
            return false;
        }

        var line = reader.Sequence.Slice(start, reader.Position);
        frame = line.FirstSpan[0] == (byte)'#'
            ? new SerialFrame(SerialFrameKind.Frame, line, null)
            : new SerialFrame(SerialFrameKind.Discarded, line, $"{line.Length} bytes without a '#'");
        return true;
    }

    public bool TryParse(in ReadOnlySequence<byte> frame, [MaybeNullWhen(false)] out int readout, out FrameRejection<LineMeterError> rejection)
    {
        string text = Encoding.ASCII.GetString(frame).Trim();
        if (text == "#boom")
        {
            throw new InvalidOperationException("the parser met a frame it never expected");
        }

        rejection = new(LineMeterError.NotANumber, $"'{text}' is not a number of watts.");
        return int.TryParse(text.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out readout);
    }

    public string DescribeMeter(int readout) => "line meter 1";

    public IReadingMapper<int> CreateMapper() => new Mapper();

    private sealed class Mapper : IReadingMapper<int>
    {
        public bool Map(int readout, DateTimeOffset now, List<Reading> output, List<SkippedValue> skipped)
        {
            if (readout < 0)
            {
                skipped.Add(new SkippedValue("negative watts", $"{readout} W cannot be drawn."));
                return true;
            }

            output.Add(new Reading(SeriesNames.ElectricPower, now, readout, Units.Watt));
            return true;
        }
    }
}
