namespace Aizu.Hardware.Sml;

/// <summary>
/// Reads a German electricity meter's SML info interface through an optical (IR) read head: the serial meter loop at
/// 9600 8N1, the SML transport framer and file parser (only frames whose CRC and structure are right are used) and the
/// SML mapper to imported/exported energy and power readings.
/// </summary>
public sealed class SmlMeterSource : SerialMeterSource<SmlFile, SmlErrorKind>
{
    /// <summary>Creates the driver for a real read head, opened with <see cref="SerialDevice.Open"/>.</summary>
    public SmlMeterSource(IOptions<SmlOptions> options, TimeProvider time, ILogger<SmlMeterSource> logger)
        : this(options, time, logger, path => SerialDevice.Open(path, new SerialSettings(options?.Value.BaudRate ?? 9600)))
    {
    }

    /// <summary>Creates the driver with a custom way to open the device stream.</summary>
    public SmlMeterSource(IOptions<SmlOptions> options, TimeProvider time, ILogger<SmlMeterSource> logger, Func<string, Stream> openDevice)
        : base("sml", new SmlMeterProtocol(Value(options)), Value(options), openDevice, time, logger)
    {
    }

    private static SmlOptions Value(IOptions<SmlOptions> options) => (options ?? throw new ArgumentNullException(nameof(options))).Value;
}
