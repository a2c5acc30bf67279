using System.Text;
using Aizu.Hardware.Dsmr;

namespace Aizu.Hardware.Simulators.Dsmr;

/// <summary>
/// A Dutch, Belgian or Luxembourg smart meter's P1 port behind a real Linux pseudo-terminal: every telegram interval
/// it measures the household (see <see cref="EuropeanHouseholdProfile"/>) and sends a telegram as that meter
/// generation does, with CRC where the generation has one. A driver opens <see cref="DevicePath"/> exactly as it opens
/// a USB P1 cable; tests inject the faults real cables and meters show through the methods below.
/// </summary>
/// <remarks>A pseudo-terminal carries bytes but no parity, so a driver for a DSMR 2.2 meter must open it at 9600 8N1
/// rather than 7E1 (Linux forces eight data bits on ptys and glibc reports EINVAL); the simulator only ever sends
/// 7-bit ASCII, as a 7E1 meter does.</remarks>
public sealed class SimulatedP1Meter : IAsyncDisposable
{
    private readonly PushMeterHost _host;
    private readonly P1Registers _registers;
    private readonly Lock _gate = new();
    private int _corrupt;
    private int _cutOff;
    private string? _lastTelegram;

    /// <summary>Creates the meter; <see cref="StartAsync"/> plugs it in.</summary>
    /// <param name="options">Meter generation, device path, interval.</param>
    /// <param name="time">Drives the telegram interval and the meter's clock.</param>
    /// <param name="random">Measurement noise; by default seeded from <see cref="SimulatedP1Options.Seed"/>.</param>
    public SimulatedP1Meter(SimulatedP1Options options, TimeProvider time, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        if (options.TelegramInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentException("TelegramInterval must be positive.", nameof(options));
        }

        Options = options;
        _registers = new P1Registers(options.Household, random ?? new Random(options.Seed), options.Protocol);
        // A pty cannot carry parity: Linux forces CS8 and glibc then reports EINVAL for 7E1, so the line is held at the
        // meter's speed with eight data bits; only 7-bit ASCII is ever sent, as a 7E1 meter does.
        var settings = new Serial.Tty.SerialSettings(options.Protocol == DsmrProtocol.Dsmr22 ? 9600 : 115200);
        var every = options.TelegramInterval
            ?? (options.Protocol is DsmrProtocol.Dsmr5 or DsmrProtocol.EMucs ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10));
        _host = new PushMeterHost(settings, options.DevicePath, every, time, Produce);
    }

    /// <summary>The options the meter was created with.</summary>
    public SimulatedP1Options Options { get; }

    /// <summary>The path a driver opens (the symbolic link when configured, else the current pty slave).</summary>
    public string DevicePath => _host.DevicePath;

    /// <summary>Telegrams (whole, cut off or corrupted) written to the line so far.</summary>
    public long TelegramsSent => _host.Sent;

    /// <summary>The last telegram produced, exactly as sent (after any injected fault).</summary>
    public string? LastTelegram => Volatile.Read(ref _lastTelegram);

    /// <summary>Opens the pseudo-terminal and starts sending.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _host.Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Changes one byte of each of the next <paramref name="count"/> telegrams after the CRC was computed, as line
    /// noise does (a DSMR 2.2 telegram, which has no CRC, gets a broken line instead).
    /// </summary>
    public void CorruptNextTelegrams(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref _corrupt, count);
    }

    /// <summary>Sends only the first half of each of the next <paramref name="count"/> telegrams.</summary>
    public void CutOffNextTelegrams(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Volatile.Write(ref _cutOff, count);
    }

    /// <summary>While true the meter sends nothing (P1 data-request line low, or a broken wire).</summary>
    public void SetSilent(bool silent) => _host.Silent = silent;

    /// <summary>Writes raw bytes to the line now, e.g. noise; dropped while unplugged.</summary>
    public Task SendGarbageAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        _host.SendRawAsync(bytes.ToArray(), cancellationToken);

    /// <summary>
    /// Pulls the P1 cable: removes the link, closes the pseudo-terminal (the driver's reads fail), waits
    /// <paramref name="downtime"/>, then plugs a new pseudo-terminal in. The meter keeps counting meanwhile.
    /// </summary>
    public Task UnplugAsync(TimeSpan downtime, CancellationToken cancellationToken) => _host.UnplugAsync(downtime, cancellationToken);

    /// <summary>Stops the meter and removes the pseudo-terminal and link.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private byte[] Produce(DateTimeOffset now)
    {
        string telegram;
        lock (_gate)
        {
            _registers.Advance(now);
            telegram = P1TelegramFormat.Write(Options.Protocol, _registers, now, Options.GasMeter, Options.WaterMeter);
        }

        if (TakeOne(ref _corrupt))
        {
            telegram = Corrupt(telegram);
        }

        if (TakeOne(ref _cutOff))
        {
            telegram = telegram[..(telegram.Length / 2)];
        }

        Volatile.Write(ref _lastTelegram, telegram);
        return Encoding.ASCII.GetBytes(telegram);
    }

    private string Corrupt(string telegram)
    {
        // Change a digit of the tariff 1 register: the kind of error that would silently give wrong energy.
        int at = telegram.IndexOf("1-0:1.8.1(", StringComparison.Ordinal) + "1-0:1.8.1(".Length + 3;
        if (Options.Protocol == DsmrProtocol.Dsmr22)
        {
            // No CRC to catch it: break the line's syntax instead, which is what the parser can still see.
            return telegram.Remove(at - 4, 1);
        }

        char digit = telegram[at] == '9' ? '0' : (char)(telegram[at] + 1);
        return string.Concat(telegram.AsSpan(0, at), digit.ToString(), telegram.AsSpan(at + 1));
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
