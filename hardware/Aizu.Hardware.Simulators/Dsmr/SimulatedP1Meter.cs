namespace Aizu.Hardware.Simulators.Dsmr;

/// <summary>
/// A Dutch, Belgian or Luxembourg smart meter's P1 port behind a real Linux pseudo-terminal: every telegram interval
/// it measures the household (see <see cref="EuropeanHouseholdProfile"/>) and sends a telegram as that meter
/// generation does, with CRC where the generation has one.
/// </summary>
/// <remarks>A pseudo-terminal carries bytes but no parity, so a driver for a DSMR 2.2 meter must open it at 9600 8N1
/// rather than 7E1 (Linux forces eight data bits on ptys and glibc reports EINVAL); the simulator only ever sends
/// 7-bit ASCII, as a 7E1 meter does.</remarks>
public sealed class SimulatedP1Meter : SimulatedPushMeter
{
    private const string TariffOne = "1-0:1.8.1(";
    private readonly P1Registers _registers;
    private readonly Lock _gate = new();

    /// <summary>Creates the meter; <see cref="SimulatedPushMeter.StartAsync(CancellationToken)"/> plugs it in.</summary>
    /// <param name="options">Meter generation, device path, interval.</param>
    /// <param name="time">Drives the telegram interval and the meter's clock.</param>
    /// <param name="random">Measurement noise; by default seeded from <see cref="SimulatedP1Options.Seed"/>.</param>
    public SimulatedP1Meter(SimulatedP1Options options, TimeProvider time, Random? random = null)
        : base(LineOf(options), options.DevicePath, IntervalOf(options), time)
    {
        Options = options;
        _registers = new P1Registers(options.Household, random ?? new Random(options.Seed), options.Protocol);
    }

    /// <summary>The options the meter was created with.</summary>
    public SimulatedP1Options Options { get; }

    /// <inheritdoc />
    protected override byte[] Measure(DateTimeOffset now)
    {
        lock (_gate)
        {
            _registers.Advance(now);
            return Encoding.ASCII.GetBytes(P1TelegramFormat.Write(Options.Protocol, _registers, now, Options.GasMeter, Options.WaterMeter));
        }
    }

    /// <inheritdoc />
    protected override byte[] Corrupt(byte[] frame)
    {
        // Change a digit of the tariff 1 register: the kind of error that would silently give wrong energy.
        string telegram = Encoding.ASCII.GetString(frame);
        int at = telegram.IndexOf(TariffOne, StringComparison.Ordinal) + TariffOne.Length + 3;
        if (Options.Protocol == DsmrProtocol.Dsmr22)
        {
            // No CRC to catch it: break the line's syntax instead, which is what the parser can still see.
            return Encoding.ASCII.GetBytes(telegram.Remove(at - 4, 1));
        }

        frame[at] = frame[at] == (byte)'9' ? (byte)'0' : (byte)(frame[at] + 1);
        return frame;
    }

    // A pty cannot carry parity: Linux forces CS8 and glibc then reports EINVAL for 7E1, so the line is held at the
    // meter's speed with eight data bits; only 7-bit ASCII is ever sent, as a 7E1 meter does.
    private static SerialSettings LineOf(SimulatedP1Options options) =>
        new((options ?? throw new ArgumentNullException(nameof(options))).Protocol == DsmrProtocol.Dsmr22 ? 9600 : 115200);

    private static TimeSpan IntervalOf(SimulatedP1Options options) => options.TelegramInterval
        ?? (options.Protocol is DsmrProtocol.Dsmr5 or DsmrProtocol.EMucs ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10));
}
