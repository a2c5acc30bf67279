using System.Device.I2c;

namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// A Sensirion SHT3x at the command level: 16-bit commands (single shot with and without clock
/// stretching, soft reset, heater, status), a six-byte measurement (temperature word, CRC, humidity
/// word, CRC) and a NACKed read when no measurement is waiting, as the datasheet specifies.
/// </summary>
public sealed class SimulatedSht3x : SimulatedI2cDevice
{
    private readonly IIndoorClimate _climate;
    private readonly TimeProvider _time;
    private Pending _pending;
    private ushort _status;

    /// <summary>Creates the chip in the room <paramref name="climate"/>.</summary>
    public SimulatedSht3x(I2cConnectionSettings settings, IIndoorClimate climate, TimeProvider time)
        : base(settings)
    {
        ArgumentNullException.ThrowIfNull(climate);
        ArgumentNullException.ThrowIfNull(time);
        _climate = climate;
        _time = time;
    }

    private enum Pending
    {
        Nothing,
        Measurement,
        Status,
    }

    /// <summary>What the chip last measured (before quantisation), or <see langword="null"/> before its first measurement.</summary>
    public IndoorConditions? LastMeasured { get; private set; }

    /// <summary>How many measurements the chip has completed.</summary>
    public int Measurements { get; private set; }

    /// <summary>Whether the on-chip heater is on.</summary>
    public bool HeaterOn { get; private set; }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2)
        {
            // A command is always two bytes; anything shorter is not acknowledged.
            throw NotAcknowledged();
        }

        ushort command = (ushort)((data[0] << 8) | data[1]);
        switch (command)
        {
            case 0x2400 or 0x240B or 0x2416 or 0x2C06 or 0x2C0D or 0x2C10:
                _pending = Pending.Measurement;
                break;
            case 0x30A2:
                _pending = Pending.Nothing;
                HeaterOn = false;
                _status = 0;
                break;
            case 0x306D:
                HeaterOn = true;
                break;
            case 0x3066:
                HeaterOn = false;
                break;
            case 0xF32D:
                _pending = Pending.Status;
                break;
            case 0x3041:
                _status = 0;
                break;
            default:
                throw NotAcknowledged();
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data)
    {
        bool corrupt = Fault == SimulatedFault.BadCrc;
        switch (_pending)
        {
            case Pending.Measurement when Fault != SimulatedFault.NeverReady && data.Length >= 3:
                var conditions = _climate.At(_time.GetUtcNow());
                ushort temperature = (ushort)Math.Clamp(Math.Round((conditions.TemperatureCelsius + 45) * 65535 / 175), 0, 65535);
                ushort humidity = (ushort)Math.Clamp(Math.Round(conditions.RelativeHumidityPercent * 65535 / 100), 0, 65535);
                Span<byte> frame = stackalloc byte[6];
                SensirionCrc.WriteWord(frame, temperature, corrupt);
                SensirionCrc.WriteWord(frame[3..], humidity, corrupt);
                frame[..Math.Min(6, data.Length)].CopyTo(data);
                _pending = Pending.Nothing;
                LastMeasured = conditions;
                Measurements++;
                break;
            case Pending.Status when data.Length >= 3:
                ushort status = (ushort)(_status | (HeaterOn ? 0x2000 : 0));
                Span<byte> word = stackalloc byte[3];
                SensirionCrc.WriteWord(word, status, corrupt);
                word.CopyTo(data);
                _pending = Pending.Nothing;
                break;
            default:
                // No data waiting (or a conversion that never ends): the chip NACKs the read header.
                throw NotAcknowledged();
        }
    }
}
