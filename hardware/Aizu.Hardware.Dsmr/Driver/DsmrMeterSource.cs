namespace Aizu.Hardware.Dsmr;

/// <summary>
/// Reads a Dutch, Belgian or Luxembourg smart meter's P1 port: the serial meter loop with the P1 line settings, the
/// DSMR framer and parser (only telegrams that pass every check are used) and the DSMR mapper to readings.
/// </summary>
public sealed class DsmrMeterSource : SerialMeterSource<DsmrReadout, DsmrErrorKind>
{
    /// <summary>Creates the driver for a real P1 cable, opened with <see cref="SerialDevice.Open"/> at the protocol's settings.</summary>
    public DsmrMeterSource(IOptions<DsmrOptions> options, TimeProvider time, ILogger<DsmrMeterSource> logger)
        : this(options, time, logger, path => SerialDevice.Open(path, DsmrLine.Settings(options?.Value.Protocol ?? default)))
    {
    }

    /// <summary>Creates the driver with a custom way to open the device stream.</summary>
    public DsmrMeterSource(IOptions<DsmrOptions> options, TimeProvider time, ILogger<DsmrMeterSource> logger, Func<string, Stream> openDevice)
        : base("dsmr", new DsmrMeterProtocol(Value(options)), Value(options), openDevice, time, logger)
    {
    }

    private static DsmrOptions Value(IOptions<DsmrOptions> options) => (options ?? throw new ArgumentNullException(nameof(options))).Value;
}
