using System.Buffers;
using Aizu.Hardware.Dsmr;
using BenchmarkDotNet.Attributes;
using Aizu.Hardware.Dsmr.Tests;

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
    private int _crcLength;

    /// <summary>Prepares the input once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _stream = new ReadOnlySequence<byte>(_telegram);
        _crcLength = Array.IndexOf(_telegram, (byte)'!') + 1;
    }

    /// <summary>Parse the whole telegram with the CRC checked (<see cref="DsmrParseOptions.Strict"/>), as the driver does.</summary>
    [Benchmark(Baseline = true)]
    public decimal? ParseTelegram() => DsmrTelegramParser.Parse(_telegram).NetPower;

    /// <summary>The CRC-16 over <c>/</c> … <c>!</c> alone.</summary>
    [Benchmark]
    public ushort Crc16() => DsmrCrc16.Compute(_telegram.AsSpan(0, _crcLength));

    /// <summary>Cut the telegram out of the byte stream with <see cref="DsmrFramer"/>, then parse it: bytes from the port to a telegram.</summary>
    [Benchmark]
    public decimal? FrameAndParseTelegram()
    {
        var reader = new SequenceReader<byte>(_stream);
        return DsmrFramer.TryReadFrame(ref reader, out var frame) && frame.Kind == DsmrFrameKind.Telegram
            ? DsmrTelegramParser.Parse(frame.Bytes).NetPower
            : null;
    }
}
