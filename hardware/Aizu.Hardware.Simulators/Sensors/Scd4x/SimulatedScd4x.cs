namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// A Sensirion SCD4x CO2 sensor at the command level: start/stop periodic measurement, reinit,
/// get_data_ready_status and read_measurement with a CRC after every word. In periodic mode it
/// completes a measurement every five seconds of its <see cref="TimeProvider"/>, as the real sensor
/// does; commands the datasheet forbids while measuring are not acknowledged.
/// </summary>
public sealed class SimulatedScd4x : SimulatedClimateSensor
{
    /// <summary>How often the sensor completes a measurement in periodic mode.</summary>
    public static readonly TimeSpan MeasurementInterval = TimeSpan.FromSeconds(5);

    private DateTimeOffset _startedAt;
    private long _lastReadMeasurement;
    private Pending _pending;

    /// <summary>Creates the sensor in the room <paramref name="climate"/>.</summary>
    public SimulatedScd4x(I2cConnectionSettings settings, IIndoorClimate climate, TimeProvider time)
        : base(settings, climate, time)
    {
    }

    private enum Pending
    {
        Nothing,
        DataReady,
        Measurement,
        SerialNumber,
    }

    /// <summary>Whether periodic measurement is running.</summary>
    public bool Measuring { get; private set; }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        switch (Command(data))
        {
            case 0x21B1 when !Measuring:
                Measuring = true;
                _startedAt = Time.GetUtcNow();
                _lastReadMeasurement = 0;
                break;
            case 0x3F86:
                Measuring = false;
                _pending = Pending.Nothing;
                break;
            case 0x3646 when !Measuring:
                _pending = Pending.Nothing;
                break;
            case 0xE4B8:
                _pending = Pending.DataReady;
                break;
            case 0xEC05:
                _pending = Pending.Measurement;
                break;
            case 0x3682 when !Measuring:
                _pending = Pending.SerialNumber;
                break;
            case 0xE000 when data.Length == 5:
                // set_ambient_pressure: accepted while measuring; only its CRC matters to the simulation.
                if (SensirionCrc.Compute((ushort)((data[2] << 8) | data[3])) != data[4])
                {
                    throw NotAcknowledged();
                }

                break;
            default:
                throw NotAcknowledged();
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data)
    {
        bool corrupt = Fault == SimulatedFault.BadCrc;
        var pending = _pending;
        _pending = Pending.Nothing;
        switch (pending)
        {
            case Pending.DataReady when data.Length >= 3:
                // The low 11 bits are non-zero when a measurement is waiting.
                SensirionCrc.WriteWord(data, DataReady() ? (ushort)0x8006 : (ushort)0x8000, corrupt);
                break;
            case Pending.Measurement when DataReady() && data.Length >= 9:
                var conditions = Measure();
                SensirionCrc.WriteWord(data, (ushort)Math.Clamp(Math.Round(conditions.Co2Ppm), 0, 40000), corrupt);
                SensirionCrc.WriteWord(data[3..], SensirionWords.Temperature(conditions.TemperatureCelsius), corrupt);
                SensirionCrc.WriteWord(data[6..], SensirionWords.Humidity(conditions.RelativeHumidityPercent), corrupt);
                _lastReadMeasurement = CompletedMeasurements();
                break;
            case Pending.SerialNumber when data.Length >= 9:
                SensirionCrc.WriteWord(data, 0xA1B2, corrupt);
                SensirionCrc.WriteWord(data[3..], 0xC3D4, corrupt);
                SensirionCrc.WriteWord(data[6..], 0xE5F6, corrupt);
                break;
            default:
                // Nothing to read (e.g. read_measurement with no new data): the sensor NACKs.
                throw NotAcknowledged();
        }
    }

    private long CompletedMeasurements() =>
        Measuring ? (Time.GetUtcNow() - _startedAt).Ticks / MeasurementInterval.Ticks : 0;

    private bool DataReady() =>
        Fault != SimulatedFault.NeverReady && Measuring && CompletedMeasurements() > _lastReadMeasurement;
}
