namespace Aizu.Hardware.Simulators.PushMeters;

/// <summary>
/// A meter that only talks (a P1 port, an SML optical interface) behind a real Linux pseudo-terminal: every interval
/// it measures and pushes one frame, and tests inject the faults real cables and meters show through the methods
/// below. A driver opens <see cref="DevicePath"/> exactly as it opens a USB cable. Each meter supplies only how it
/// measures (<see cref="Measure"/>) and how line noise damages a frame (<see cref="Corrupt"/>).
/// </summary>
public abstract class SimulatedPushMeter : IAsyncDisposable
{
    private readonly PushMeterHost _host;
    private readonly FaultBudget _corrupt = new();
    private readonly FaultBudget _cutOff = new();

    /// <summary>Creates the meter; <see cref="StartAsync"/> plugs it in.</summary>
    /// <param name="settings">The line settings the pseudo-terminal is held at.</param>
    /// <param name="devicePath">A symbolic link that follows the pseudo-terminal, or null to use the slave's own path.</param>
    /// <param name="interval">Time between frames.</param>
    /// <param name="time">Drives the interval and the meter's clock.</param>
    protected SimulatedPushMeter(SerialSettings settings, string? devicePath, TimeSpan interval, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval between frames must be positive.");
        }

        _host = new PushMeterHost(settings, devicePath, interval, time, Produce);
    }

    /// <summary>The path a driver opens (the symbolic link when configured, else the current pty slave).</summary>
    public string DevicePath => _host.DevicePath;

    /// <summary>Frames (whole, cut off or corrupted) written to the line so far.</summary>
    public long FramesSent => _host.Sent;

    /// <summary>Creates nothing more, starts <paramref name="meter"/> and hands it back; disposes it if it cannot start.</summary>
    public static async Task<TMeter> StartAsync<TMeter>(TMeter meter, CancellationToken cancellationToken)
        where TMeter : SimulatedPushMeter
    {
        ArgumentNullException.ThrowIfNull(meter);
        try
        {
            await meter.StartAsync(cancellationToken);
            return meter;
        }
        catch
        {
            await meter.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the pseudo-terminal and starts sending.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _host.Start();
        return Task.CompletedTask;
    }

    /// <summary>Damages each of the next <paramref name="count"/> frames after its checksum was computed, as line noise does.</summary>
    public void CorruptNextFrames(int count)
    {
        _corrupt.Arm(count);
    }

    /// <summary>Sends only the first half of each of the next <paramref name="count"/> frames.</summary>
    public void CutOffNextFrames(int count)
    {
        _cutOff.Arm(count);
    }

    /// <summary>While true the meter sends nothing (a P1 data-request line low, a read head off the meter).</summary>
    public void SetSilent(bool silent) => _host.Silent = silent;

    /// <summary>Writes raw bytes to the line now, e.g. noise; dropped while unplugged.</summary>
    public Task SendGarbageAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        _host.SendRawAsync(bytes.ToArray(), cancellationToken);

    /// <summary>
    /// Pulls the cable: removes the link, closes the pseudo-terminal (the driver's reads fail), waits
    /// <paramref name="downtime"/>, then plugs a new pseudo-terminal in. The meter keeps counting meanwhile.
    /// </summary>
    public Task UnplugAsync(TimeSpan downtime, CancellationToken cancellationToken) => _host.UnplugAsync(downtime, cancellationToken);

    /// <summary>Stops the meter and removes the pseudo-terminal and link.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Advances the meter's registers to <paramref name="now"/> and returns the frame it sends, checksum included.</summary>
    protected abstract byte[] Measure(DateTimeOffset now);

    /// <summary>Changes <paramref name="frame"/> the way line noise would, so that the driver must refuse it.</summary>
    protected abstract byte[] Corrupt(byte[] frame);

    private byte[] Produce(DateTimeOffset now)
    {
        var frame = Measure(now);
        if (_corrupt.TakeOne())
        {
            frame = Corrupt(frame);
        }

        if (_cutOff.TakeOne())
        {
            frame = frame[..(frame.Length / 2)];
        }

        return frame;
    }
}
