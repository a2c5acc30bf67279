namespace Aizu.Hardware.Simulators.Sml;

/// <summary>
/// A German electricity meter's SML info interface as an optical read head delivers it, behind a real Linux
/// pseudo-terminal at 9600 8N1: every push interval a transport frame with PublicOpen.Res, a GetList.Res (imported
/// and exported energy in Wh, power in W) and PublicClose.Res, like an EMH eHZ.
/// </summary>
public sealed class SimulatedSmlMeter : SimulatedPushMeter
{
    private static readonly byte[] ServerId = [0x0A, 0x01, 0x45, 0x4D, 0x48, 0x00, 0x00, 0x12, 0x34, 0x56];
    private readonly Random _random;
    private readonly Lock _gate = new();
    private DateTimeOffset? _last;
    private DateTimeOffset _poweredOn;
    private double _importWh = 14_203_551;
    private double _exportWh = 2_518_090;
    private uint _transaction = 0x1C414C00;

    /// <summary>Creates the meter; <see cref="SimulatedPushMeter.StartAsync(CancellationToken)"/> plugs the read head in.</summary>
    public SimulatedSmlMeter(SimulatedSmlOptions options, TimeProvider time, Random? random = null)
        : base(new SerialSettings(9600), options?.DevicePath, options?.PushInterval ?? throw new ArgumentNullException(nameof(options)), time)
    {
        Options = options;
        _random = random ?? new Random(options.Seed);
    }

    /// <summary>The options the meter was created with.</summary>
    public SimulatedSmlOptions Options { get; }

    /// <summary>Imported energy of the last frame produced, Wh.</summary>
    public double ImportWattHours
    {
        get
        {
            lock (_gate)
            {
                return _importWh;
            }
        }
    }

    /// <inheritdoc />
    protected override byte[] Measure(DateTimeOffset now)
    {
        lock (_gate)
        {
            _last ??= _poweredOn = now;
            var hours = Math.Max(0, (now - _last.Value).TotalHours);
            _last = now;
            var watts = (Options.Household.PowerWatts(now) * (1 + (0.03 * ((_random.NextDouble() * 2) - 1)))) - Options.Household.SolarWatts(now);
            if (watts >= 0)
            {
                _importWh += watts * hours;
            }
            else
            {
                _exportWh -= watts * hours;
            }

            return SmlFileWriter.WriteFrame(Messages(now, watts));
        }
    }

    /// <inheritdoc />
    protected override byte[] Corrupt(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        frame[frame.Length / 2] ^= 0x04;
        return frame;
    }

    private List<SmlMessage> Messages(DateTimeOffset now, double watts)
    {
        var fileId = BigEndian((uint)now.ToUnixTimeSeconds());
        var secondIndex = new SmlTime(SmlTimeKind.SecondIndex, (uint)(now - _poweredOn).TotalSeconds + 1_000_000);
        var entries = new List<SmlListEntry>
        {
            new([0x81, 0x81, 0xC7, 0x82, 0x03, 0xFF], null, null, null, null, new SmlValue(SmlValueKind.Bytes, Bytes: "EMH"u8.ToArray()), null),
            new([0x01, 0x00, 0x00, 0x00, 0x09, 0xFF], null, null, null, null, new SmlValue(SmlValueKind.Bytes, Bytes: ServerId), null),
            new([0x01, 0x00, 0x01, 0x08, 0x00, 0xFF], 0x1C0104, null, SmlUnits.WattHour, -1, new SmlValue(SmlValueKind.UnsignedInteger, Number: (decimal)Math.Round(_importWh * 10)), null),
            new([0x01, 0x00, 0x02, 0x08, 0x00, 0xFF], 0x1C0104, null, SmlUnits.WattHour, -1, new SmlValue(SmlValueKind.UnsignedInteger, Number: (decimal)Math.Round(_exportWh * 10)), null),
        };
        if (Options.SendsPower)
        {
            entries.Add(new([0x01, 0x00, 0x10, 0x07, 0x00, 0xFF], null, null, SmlUnits.Watt, 0, new SmlValue(SmlValueKind.SignedInteger, Number: (decimal)Math.Round(watts)), null));
        }

        return
        [
            new SmlMessage(Next(), 0, 0, SmlMessageTag.OpenResponse, new SmlOpenResponse(null, null, fileId, ServerId, null, null), 0, true),
            new SmlMessage(Next(), 0, 0, SmlMessageTag.GetListResponse, new SmlGetListResponse(null, ServerId, [0x01, 0x00, 0x62, 0x0A, 0xFF, 0xFF], secondIndex, entries, null, null), 0, true),
            new SmlMessage(Next(), 0, 0, SmlMessageTag.CloseResponse, new SmlCloseResponse(null), 0, true),
        ];
    }

    private byte[] Next() => BigEndian(++_transaction);

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
