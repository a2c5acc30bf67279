namespace Aizu.Benchmarks;

/// <summary>
/// The P1 receive path for one DSMR 5.0 telegram (<c>RealTelegrams.V50</c>, 40 lines, 890 bytes). Target from
/// issue 6: parse in at most 10 µs, allocation-free apart from the result.
/// </summary>
[MemoryDiagnoser]
public class DsmrParseBenchmarks
{
    private readonly byte[] _telegram = RealTelegrams.Bytes(RealTelegrams.V50);
    private ReadOnlySequence<byte> _stream;
    private readonly DsmrReadout _readout = new();
    private int _crcLength;

    /// <summary>Prepares the input once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stream = new ReadOnlySequence<byte>(_telegram);
        _crcLength = Array.IndexOf(_telegram, (byte)'!') + 1;
    }

    /// <summary>Parse the whole telegram with the CRC checked (<see cref="DsmrParseOptions.Strict"/>) into a reused
    /// <see cref="DsmrReadout"/>, as the driver does.</summary>
    [Benchmark(Baseline = true)]
    public decimal? ParseTelegram() =>
        DsmrTelegramParser.TryParse(_telegram, DsmrParseOptions.Strict, _readout, out _) ? _readout.NetPower : null;

    /// <summary>The same parse into a new immutable <see cref="DsmrTelegram"/> with its readable object list (for
    /// <c>aizu decode</c> and tests, not the driver).</summary>
    [Benchmark]
    public decimal? ParseToDsmrTelegram() => DsmrTelegramParser.Parse(_telegram).NetPower;

    /// <summary>The CRC-16 over <c>/</c> … <c>!</c> alone.</summary>
    [Benchmark]
    public ushort Crc16() => DsmrCrc16.Compute(_telegram.AsSpan(0, _crcLength));

    /// <summary>Cut the telegram out of the byte stream with <see cref="DsmrFramer"/>, then parse it: bytes from the port to a telegram.</summary>
    [Benchmark]
    public decimal? FrameAndParseTelegram()
    {
        var reader = new SequenceReader<byte>(_stream);
        return DsmrFramer.TryReadFrame(ref reader, out var frame) && frame.Kind == SerialFrameKind.Frame
            && DsmrTelegramParser.TryParse(frame.Bytes, DsmrParseOptions.Strict, _readout, out _)
            ? _readout.NetPower
            : null;
    }
}
