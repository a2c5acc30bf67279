namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// A Sensirion SHT3x at the command level: 16-bit commands (single shot with and without clock
/// stretching, soft reset, heater, status), a six-byte measurement (temperature word, CRC, humidity
/// word, CRC) and a NACKed read when no measurement is waiting, as the datasheet specifies.
/// </summary>
public sealed class SimulatedSht3x : SimulatedClimateSensor
{
    private Pending _pending;
    private ushort _status;

    /// <summary>Creates the chip in the room <paramref name="climate"/>.</summary>
    public SimulatedSht3x(I2cConnectionSettings settings, IIndoorClimate climate, TimeProvider time)
        : base(settings, climate, time)
    {
    }

    private enum Pending
    {
        Nothing,
        Measurement,
        Status,
    }

    /// <summary>Whether the on-chip heater is on.</summary>
    public bool HeaterOn { get; private set; }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        switch (Command(data))
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
                var conditions = Measure();
                Span<byte> frame = stackalloc byte[6];
                SensirionCrc.WriteWord(frame, SensirionWords.Temperature(conditions.TemperatureCelsius), corrupt);
                SensirionCrc.WriteWord(frame[3..], SensirionWords.Humidity(conditions.RelativeHumidityPercent), corrupt);
                frame[..Math.Min(6, data.Length)].CopyTo(data);
                _pending = Pending.Nothing;
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
