using System.Device.I2c;
using Aizu.Readings;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.FilteringMode;

namespace Aizu.Hardware.Sensors;

/// <summary>A BME280 through <see cref="Bme280"/>, in forced mode: one conversion per read, the chip sleeping in between.</summary>
internal sealed class Bme280Chip : ISensorChip
{
    private readonly Func<I2cConnectionSettings, I2cDevice> _open;
    private readonly I2cConnectionSettings _settings;
    private Bme280? _bme;
    private I2cDevice? _device;

    public Bme280Chip(Func<I2cConnectionSettings, I2cDevice> open, I2cConnectionSettings settings)
    {
        _open = open;
        _settings = settings;
    }

    public bool IsOpen => _bme is not null;

    public void Open()
    {
        var device = _open(_settings);
        try
        {
            // The constructor checks the chip id (IOException for another chip), reads the calibration and soft-resets.
            var bme = new Bme280(device)
            {
                TemperatureSampling = Sampling.LowPower,
                PressureSampling = Sampling.Standard,
                HumiditySampling = Sampling.Standard,
                FilterMode = Bmx280FilteringMode.Off,
            };
            _bme = bme;
            _device = device;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        var bme = _bme ?? throw new InvalidOperationException("The BME280 is not open.");
        var result = await bme.ReadAsync();

        // ReadAsync waits the datasheet's conversion time and reads; a chip still converting after
        // that handed out its previous (or reset) registers, which are not this round's values.
        if (bme.ReadStatus().Measuring)
        {
            throw new SensorFaultException(SensorFault.NeverReady, "the chip was still measuring after the full conversion time");
        }

        var values = new List<Measurement>(3);
        if (result.Temperature is { } temperature)
        {
            values.Add(new(IndoorQuantity.Temperature, temperature.DegreesCelsius));
        }

        if (result.Humidity is { } humidity)
        {
            values.Add(new(IndoorQuantity.Humidity, humidity.Percent));
        }

        if (result.Pressure is { } pressure)
        {
            values.Add(new(IndoorQuantity.Pressure, pressure.Hectopascals));
        }

        return values;
    }

    public void Close()
    {
        var binding = _bme;
        var device = _device;
        _bme = null;
        _device = null;
        try
        {
            binding?.Dispose();
        }
        catch (IOException)
        {
            // Disposing talks to the chip (e.g. to stop measuring); one that stopped answering cannot object.
        }
        finally
        {
            device?.Dispose();
        }
    }

    public void Dispose() => Close();
}
