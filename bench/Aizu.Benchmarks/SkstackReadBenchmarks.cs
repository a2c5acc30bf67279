namespace Aizu.Benchmarks;

/// <summary>
/// The dongle side of the same answer: one hex-ASCII ERXUDP line in, one <see cref="SkstackUdpReceived"/> out. The
/// reader builds strings for the line and its fields and copies the payload out of the input, so it allocates by
/// design; these numbers say how much.
/// </summary>
[MemoryDiagnoser]
public class SkstackReadBenchmarks
{
    private readonly ReadOnlySequence<byte> _line = new(Encoding.ASCII.GetBytes(MeterAnswer.ErxudpLine));
    private readonly SkstackReader _reader = new(SkstackDialect.Bp35A1, SkstackDataFormat.HexAscii);

    /// <summary>Reading the line into a message.</summary>
    [Benchmark]
    public SkstackMessage? ReadHexErxudpLine()
    {
        var input = new SequenceReader<byte>(_line);
        _reader.TryRead(ref input, out var message);
        return message;
    }

    /// <summary>Line to watts: read the line, parse its payload as a frame and decode E7.</summary>
    [Benchmark]
    public int ReadHexErxudpLineAndDecodePower()
    {
        var input = new SequenceReader<byte>(_line);
        if (!_reader.TryRead(ref input, out var message) || message is not SkstackUdpReceived received)
        {
            return int.MinValue;
        }

        var frame = EchonetFrame.Parse(received.Data.Span);
        return frame.Properties.TryFind(SmartMeterEpc.InstantaneousPower, out var edt)
            && SmartMeterCodec.TryDecodeInstantaneousPower(edt, out int watts)
                ? watts
                : int.MinValue;
    }
}
