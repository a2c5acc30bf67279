namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// Base of the simulated I2C chips: a real <see cref="I2cDevice"/> that a binding can be handed
/// instead of <see cref="I2cDevice.Create"/>, with the fault switches every chip shares. Derived
/// chips see whole transfers, as the chip on the wire would: a write of bytes or a read of a count.
/// </summary>
public abstract class SimulatedI2cDevice : I2cDevice
{
    private readonly object _gate = new();
    private SimulatedFault _fault;
    private int _blockedTransfers;
    private TaskCompletionSource _transferBlocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the chip at <paramref name="settings"/>.</summary>
    protected SimulatedI2cDevice(I2cConnectionSettings settings)
    {
        ConnectionSettings = settings;
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>The fault the chip is in; setting <see cref="SimulatedFault.None"/> releases blocked transfers.</summary>
    public SimulatedFault Fault
    {
        get
        {
            lock (_gate)
            {
                return _fault;
            }
        }

        set
        {
            lock (_gate)
            {
                _fault = value;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>How many transfers are blocked on a held bus right now.</summary>
    public int BlockedTransfers => Volatile.Read(ref _blockedTransfers);

    /// <summary>Completes when a transfer blocks on a held bus, so a test knows the driver is stuck without sleeping.</summary>
    public Task TransferBlocked
    {
        get
        {
            lock (_gate)
            {
                return _transferBlocked.Task;
            }
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        BeginTransfer();
        lock (_gate)
        {
            OnWrite(buffer);
        }
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        BeginTransfer();
        lock (_gate)
        {
            OnRead(buffer);
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        // A repeated-start transfer: the chip sees the write, then the read, with nobody in between.
        BeginTransfer();
        lock (_gate)
        {
            OnWrite(writeBuffer);
            OnRead(readBuffer);
        }
    }

    /// <summary>Handles a write transfer (called under the chip's lock).</summary>
    protected abstract void OnWrite(ReadOnlySpan<byte> data);

    /// <summary>Handles a read transfer (called under the chip's lock).</summary>
    protected abstract void OnRead(Span<byte> data);

    /// <summary>The failure Linux reports for a transfer the chip did not acknowledge.</summary>
    protected IOException NotAcknowledged() =>
        new($"Error 121 (Remote I/O error) performing I2C data transfer to 0x{ConnectionSettings.DeviceAddress:X2} on bus {ConnectionSettings.BusId}.");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // The chip outlives a handle: a driver that reopens the bus finds the same chip in the same
        // state, as on real hardware. Nothing is released here.
        base.Dispose(disposing);
    }

    private void BeginTransfer()
    {
        lock (_gate)
        {
            if (_fault == SimulatedFault.HoldBus)
            {
                Interlocked.Increment(ref _blockedTransfers);
                _transferBlocked.TrySetResult();
                while (_fault == SimulatedFault.HoldBus)
                {
                    Monitor.Wait(_gate);
                }

                Interlocked.Decrement(ref _blockedTransfers);
                _transferBlocked = new(TaskCreationOptions.RunContinuationsAsynchronously);

                // The bus came back, but the transfer in flight was lost with it.
                throw new IOException($"Error 110 (Connection timed out) performing I2C data transfer to 0x{ConnectionSettings.DeviceAddress:X2}: the bus was held.");
            }

            if (_fault == SimulatedFault.Nack)
            {
                throw NotAcknowledged();
            }
        }
    }
}
