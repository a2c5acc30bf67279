namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>
/// A BME280 at the register level: chip id 0x60 at 0xD0, calibration NVM, ctrl_hum/ctrl_meas/config,
/// soft reset, forced and normal mode, and ADC registers 0xF7–0xFE holding the raw values a real chip
/// would measure in the simulated room. Oversampling set to "skipped" gives the chip's 0x80000 marker.
/// </summary>
public sealed class SimulatedBme280 : SimulatedClimateSensor
{
    /// <summary>The chip id in register 0xD0.</summary>
    public const byte ChipId = 0x60;

    private const byte RegisterChipId = 0xD0;
    private const byte RegisterReset = 0xE0;
    private const byte RegisterCtrlHum = 0xF2;
    private const byte RegisterStatus = 0xF3;
    private const byte RegisterCtrlMeas = 0xF4;
    private const byte RegisterConfig = 0xF5;
    private const byte RegisterDataStart = 0xF7;
    private const byte ResetCommand = 0xB6;
    private const byte StatusMeasuring = 0x08;

    private readonly byte[] _registers = new byte[256];
    private readonly Bme280Calibration _calibration;
    private byte _pointer;
    private byte _humidityOversampling;

    /// <summary>Creates the chip in the room <paramref name="climate"/>.</summary>
    public SimulatedBme280(I2cConnectionSettings settings, IIndoorClimate climate, TimeProvider time, Bme280Calibration? calibration = null)
        : base(settings, climate, time)
    {
        _calibration = calibration ?? Bme280Calibration.Typical;
        _registers[RegisterChipId] = ChipId;
        _calibration.WriteTo(_registers);
        PowerOnReset();
    }

    /// <inheritdoc />
    protected override void OnWrite(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        // I2C writes are a register address then data; further bytes are (address, data) pairs.
        _pointer = data[0];
        for (int i = 0; i + 1 < data.Length; i += 2)
        {
            WriteRegister(data[i], data[i + 1]);
        }
    }

    /// <inheritdoc />
    protected override void OnRead(Span<byte> data)
    {
        if (Fault != SimulatedFault.NeverReady && (_registers[RegisterCtrlMeas] & 0x03) == 0x03 && _pointer >= RegisterDataStart)
        {
            // Normal mode measures continuously; the registers always hold a recent conversion.
            CompleteConversion();
        }

        for (int i = 0; i < data.Length; i++)
        {
            data[i] = _registers[_pointer];
            _pointer = (byte)(_pointer + 1);
        }
    }

    private void WriteRegister(byte register, byte value)
    {
        switch (register)
        {
            case RegisterReset when value == ResetCommand:
                PowerOnReset();
                break;
            case RegisterCtrlHum:
                _registers[RegisterCtrlHum] = (byte)(value & 0x07);
                break;
            case RegisterConfig:
                _registers[RegisterConfig] = (byte)(value & 0xFD);
                break;
            case RegisterCtrlMeas:
                _registers[RegisterCtrlMeas] = value;

                // ctrl_hum only takes effect after a write to ctrl_meas (datasheet 5.4.3).
                _humidityOversampling = (byte)(_registers[RegisterCtrlHum] & 0x07);
                StartConversionIfAsked();
                break;
            default:
                // Calibration, id and data registers are read-only.
                break;
        }
    }

    private void StartConversionIfAsked()
    {
        int mode = _registers[RegisterCtrlMeas] & 0x03;
        if (mode == 0)
        {
            return;
        }

        if (Fault == SimulatedFault.NeverReady)
        {
            // The conversion starts and never ends: the status keeps saying "measuring".
            _registers[RegisterStatus] |= StatusMeasuring;
            return;
        }

        CompleteConversion();
        if (mode is 1 or 2)
        {
            // A forced conversion returns the chip to sleep mode when done.
            _registers[RegisterCtrlMeas] &= 0xFC;
        }
    }

    private void CompleteConversion()
    {
        var conditions = Measure();
        int temperatureOversampling = (_registers[RegisterCtrlMeas] >> 5) & 0x07;
        int pressureOversampling = (_registers[RegisterCtrlMeas] >> 2) & 0x07;

        int rawTemperature = _calibration.RawTemperature(conditions.TemperatureCelsius);
        double tFine = _calibration.Temperature(rawTemperature).TFine;
        int rawPressure = _calibration.RawPressure(conditions.PressureHectopascals * 100, tFine);
        int rawHumidity = _calibration.RawHumidity(conditions.RelativeHumidityPercent, tFine);

        Write20Bit(0xFA, temperatureOversampling == 0 ? 0x80000 : rawTemperature);
        Write20Bit(0xF7, pressureOversampling == 0 ? 0x80000 : rawPressure);
        int humidity = _humidityOversampling == 0 ? 0x8000 : rawHumidity;
        _registers[0xFD] = (byte)(humidity >> 8);
        _registers[0xFE] = (byte)humidity;
        _registers[RegisterStatus] &= unchecked((byte)~StatusMeasuring);
    }

    private void Write20Bit(int address, int value)
    {
        _registers[address] = (byte)(value >> 12);
        _registers[address + 1] = (byte)(value >> 4);
        _registers[address + 2] = (byte)((value & 0x0F) << 4);
    }

    private void PowerOnReset()
    {
        _registers[RegisterCtrlHum] = 0;
        _registers[RegisterStatus] = 0;
        _registers[RegisterCtrlMeas] = 0;
        _registers[RegisterConfig] = 0;
        _humidityOversampling = 0;

        // Until a conversion has run the data registers hold the "no measurement" value.
        Write20Bit(0xF7, 0x80000);
        Write20Bit(0xFA, 0x80000);
        _registers[0xFD] = 0x80;
        _registers[0xFE] = 0x00;
    }
}
