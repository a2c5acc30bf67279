namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// A simulated chip that measures the room it stands in: it reads <see cref="IIndoorClimate"/> at its
/// <see cref="TimeProvider"/>'s now and keeps what it last measured, so a test can compare it with what the driver
/// stored.
/// </summary>
public abstract class SimulatedClimateSensor : SimulatedI2cDevice
{
    private readonly IIndoorClimate _climate;

    /// <summary>Creates the chip in the room <paramref name="climate"/>.</summary>
    protected SimulatedClimateSensor(I2cConnectionSettings settings, IIndoorClimate climate, TimeProvider time)
        : base(settings)
    {
        ArgumentNullException.ThrowIfNull(climate);
        ArgumentNullException.ThrowIfNull(time);
        _climate = climate;
        Time = time;
    }

    /// <summary>What the chip last measured (before quantisation), or <see langword="null"/> before its first measurement.</summary>
    public IndoorConditions? LastMeasured { get; private set; }

    /// <summary>How many measurements the chip has completed.</summary>
    public int Measurements { get; private set; }

    /// <summary>The chip's clock.</summary>
    protected TimeProvider Time { get; }

    /// <summary>The room now, counted as one measurement.</summary>
    protected IndoorConditions Measure()
    {
        var conditions = _climate.At(Time.GetUtcNow());
        LastMeasured = conditions;
        Measurements++;
        return conditions;
    }

    /// <summary>
    /// The 16-bit command (big-endian) a write starts with, as Sensirion's chips take them; a write too short to hold
    /// one is not acknowledged.
    /// </summary>
    protected ushort Command(ReadOnlySpan<byte> data) =>
        data.Length >= 2 ? (ushort)((data[0] << 8) | data[1]) : throw NotAcknowledged();
}
