using Aizu.Hardware.Serial.Tty;
using Aizu.Hardware.Simulators.Dsmr;
using Aizu.Hardware.Sml;

namespace Aizu.Hardware.Simulators.Sml;

/// <summary>
/// A German electricity meter's SML info interface as an optical read head delivers it, behind a real Linux
/// pseudo-terminal at 9600 8N1: every push interval a transport frame with PublicOpen.Res, a GetList.Res (imported
/// and exported energy in Wh, power in W) and PublicClose.Res, like an EMH eHZ. A driver opens <see cref="DevicePath"/>
/// exactly as it opens a USB read head; tests inject faults through the methods below.
/// </summary>
public sealed class SimulatedSmlMeter : IAsyncDisposable
{
    private static readonly byte[] ServerId = [0x0A, 0x01, 0x45, 0x4D, 0x48, 0x00, 0x00, 0x12, 0x34, 0x56];
    private readonly PushMeterHost _host;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private DateTimeOffset? _last;
    private DateTimeOffset _poweredOn;
    private double _importWh = 14_203_551;
    private double _exportWh = 2_518_090;
    private uint _transaction = 0x1C414C00;
    private int _corrupt;
    private int _cutOff;

    /// <summary>Creates the meter; <see cref="StartAsync"/> plugs the read head in.</summary>
    public SimulatedSmlMeter(SimulatedSmlOptions options, TimeProvider time, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.PushInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("PushInterval must be positive.", nameof(options));
        }

        Options = options;
        _random = random ?? new Random(options.Seed);
        _host = new PushMeterHost(new SerialSettings(9600), options.DevicePath, options.PushInterval, time, Produce);
    }

    /// <summary>The options the meter was created with.</summary>
    public SimulatedSmlOptions Options { get; }

    /// <summary>The path a driver opens (the symbolic link when configured, else the current pty slave).</summary>
    public string DevicePath => _host.DevicePath;

    /// <summary>Frames (whole, cut off or corrupted) written so far.</summary>
    public long FramesSent => _host.Sent;

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

    /// <summary>Opens the pseudo-terminal and starts pushing.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _host.Start();
        return Task.CompletedTask;
    }

    /// <summary>Changes one byte inside each of the next <paramref name="count"/> frames after the CRC was computed.</summary>
    public void CorruptNextFrames(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref _corrupt, count);
    }

    /// <summary>Sends only the first half of each of the next <paramref name="count"/> frames (the head was moved).</summary>
    public void CutOffNextFrames(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref _cutOff, count);
    }

    /// <summary>While true nothing reaches the head (it slipped off the meter).</summary>
    public void SetSilent(bool silent) => _host.Silent = silent;

    /// <summary>Writes raw bytes to the line now, e.g. daylight on the photo transistor; dropped while unplugged.</summary>
    public Task SendGarbageAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        _host.SendRawAsync(bytes.ToArray(), cancellationToken);

    /// <summary>Pulls the read head's USB plug for <paramref name="downtime"/>; the meter keeps counting meanwhile.</summary>
    public Task UnplugAsync(TimeSpan downtime, CancellationToken cancellationToken) => _host.UnplugAsync(downtime, cancellationToken);

    /// <summary>Stops the meter and removes the pseudo-terminal and link.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private byte[] Produce(DateTimeOffset now)
    {
        byte[] frame;
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

            frame = SmlFileWriter.WriteFrame(Messages(now, watts));
        }

        if (TakeOne(ref _corrupt))
        {
            frame[frame.Length / 2] ^= 0x04;
        }

        if (TakeOne(ref _cutOff))
        {
            frame = frame[..(frame.Length / 2)];
        }

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

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            int left = Volatile.Read(ref counter);
            if (left == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
