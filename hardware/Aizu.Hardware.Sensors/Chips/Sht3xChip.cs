using System.Device.I2c;
using Aizu.Readings;
using Iot.Device.Sht3x;

namespace Aizu.Hardware.Sensors;

/// <summary>An SHT3x through <see cref="Sht3x"/>, with every word's CRC checked on the way in.</summary>
internal sealed class Sht3xChip : ISensorChip
{
    private readonly Func<I2cConnectionSettings, I2cDevice> _open;
    private readonly I2cConnectionSettings _settings;
    private Sht3x? _sht;
    private I2cDevice? _device;

    public Sht3xChip(Func<I2cConnectionSettings, I2cDevice> open, I2cConnectionSettings settings)
    {
        _open = open;
        _settings = settings;
    }

    public bool IsOpen => _sht is not null;

    public void Open()
    {
        var device = new CrcCheckedI2cDevice(_open(_settings));
        try
        {
            // The constructor soft-resets the chip.
            _sht = new Sht3x(device, Resolution.High);
            _device = device;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        var sht = _sht ?? throw new InvalidOperationException("The SHT3x is not open.");

        // Each property triggers its own single-shot measurement; the binding rounds to 0.1.
        double temperature = sht.Temperature.DegreesCelsius;
        cancellationToken.ThrowIfCancellationRequested();
        double humidity = sht.Humidity.Percent;
        return Task.FromResult<IReadOnlyList<Measurement>>(
        [
            new(IndoorQuantity.Temperature, temperature),
            new(IndoorQuantity.Humidity, humidity),
        ]);
    }

    public void Close()
    {
        var binding = _sht;
        var device = _device;
        _sht = null;
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
