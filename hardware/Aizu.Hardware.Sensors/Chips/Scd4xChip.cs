using System.Device.I2c;
using Aizu.Readings;
using Iot.Device.Scd4x;

namespace Aizu.Hardware.Sensors;

/// <summary>
/// An SCD4x through <see cref="Scd4x"/> in periodic mode (a new value every 5 s). The binding waits
/// for the next period and polls data-ready itself, in real time; the source's read time-out bounds it.
/// </summary>
internal sealed class Scd4xChip : ISensorChip
{
    private readonly Func<I2cConnectionSettings, I2cDevice> _open;
    private readonly I2cConnectionSettings _settings;
    private Scd4x? _scd;
    private I2cDevice? _device;

    public Scd4xChip(Func<I2cConnectionSettings, I2cDevice> open, I2cConnectionSettings settings)
    {
        _open = open;
        _settings = settings;
    }

    public bool IsOpen => _scd is not null;

    public void Open()
    {
        var device = new CrcCheckedI2cDevice(_open(_settings));
        try
        {
            // The constructor stops any running measurement and re-initialises the sensor.
            var scd = new Scd4x(device);
            scd.StartPeriodicMeasurements();
            _scd = scd;
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
        var scd = _scd ?? throw new InvalidOperationException("The SCD4x is not open.");
        var (co2, humidity, temperature) = await scd.ReadPeriodicMeasurementAsync(cancellationToken);
        if (co2 is null || humidity is null || temperature is null)
        {
            // The binding reports a failed word CRC as a missing value.
            throw new SensorFaultException(SensorFault.Crc, "a measurement word failed its CRC");
        }

        return
        [
            new(IndoorQuantity.Co2, co2.Value.PartsPerMillion),
            new(IndoorQuantity.Temperature, temperature.Value.DegreesCelsius),
            new(IndoorQuantity.Humidity, humidity.Value.Percent),
        ];
    }

    public void Close()
    {
        var binding = _scd;
        var device = _device;
        _scd = null;
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
