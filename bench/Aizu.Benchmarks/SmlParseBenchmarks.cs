namespace Aizu.Benchmarks;

/// <summary>
/// The SML receive path for one transport frame from a Holley DTZ541 (<c>RealFiles.Holley</c>, 500 bytes: open,
/// GetList and close messages, the list with 1.8.0, 2.8.0, 16.7.0 and per-phase voltage, current and power).
/// </summary>
[MemoryDiagnoser]
public class SmlParseBenchmarks
{
    private readonly byte[] _frame = RealFiles.Bytes(RealFiles.Holley);
    private byte[] _file = [];

    /// <summary>Unwraps the frame once for <see cref="ParseFile"/>.</summary>
    [GlobalSetup]
    public void Setup() => _file = SmlTransport.Unwrap(_frame);

    /// <summary>Check and decode the whole frame (escape sequences, padding, transport CRC, then the messages), as the driver does.</summary>
    [Benchmark(Baseline = true)]
    public int ParseFrame() => SmlFileParser.ParseFrame(_frame).Messages.Count;

    /// <summary>The transport layer alone: find the escapes, check the CRC-16/X-25 and copy the file out.</summary>
    [Benchmark]
    public int UnwrapTransport() => SmlTransport.Unwrap(_frame).Length;

    /// <summary>The CRC-16/X-25 over the frame up to its CRC.</summary>
    [Benchmark]
    public ushort Crc16() => SmlCrc16.Compute(_frame.AsSpan(0, _frame.Length - 2));

    /// <summary>Decode the already unwrapped file into messages and typed list entries.</summary>
    [Benchmark]
    public int ParseFile() => SmlFileParser.ParseFile(_file).Messages.Count;
}
