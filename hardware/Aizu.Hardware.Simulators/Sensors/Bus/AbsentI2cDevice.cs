namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>An address nothing answers at: opening succeeds (as on Linux) and every transfer is NACKed.</summary>
public sealed class AbsentI2cDevice : SimulatedI2cDevice
{
    /// <summary>Creates the empty address.</summary>
    public AbsentI2cDevice(I2cConnectionSettings settings)
        : base(settings)
    {
    }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data) => throw NotAcknowledged();

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data) => throw NotAcknowledged();
}
