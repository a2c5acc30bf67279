namespace Aizu.Hardware.Sensors;

/// <summary>
/// A DS18B20 through the kernel's w1-therm sysfs files, under a configurable root. The
/// Iot.Device.OneWire binding hard-codes <c>/sys/bus/w1/devices</c> and would accept a failed CRC
/// or the 85 °C power-on value, so the files are read here instead.
/// </summary>
internal sealed class Ds18b20Chip : ISensorChip
{
    private readonly string _folder;

    public Ds18b20Chip(string devicesPath, string id)
    {
        _folder = Path.Combine(devicesPath, id);
    }

    public bool IsOpen { get; private set; }

    public void Open()
    {
        if (!Directory.Exists(_folder))
        {
            throw new SensorFaultException(SensorFault.Absent, $"{_folder} does not exist: the sensor is not on the 1-wire bus (is dtoverlay=w1-gpio set and the 4.7 kΩ pull-up fitted?)");
        }

        IsOpen = true;
    }

    public async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        double celsius;
        try
        {
            string w1Slave = Path.Combine(_folder, "w1_slave");

            // Reading w1_slave makes the kernel run a conversion (about 750 ms at 12 bits).
            celsius = File.Exists(w1Slave)
                ? W1SlaveText.ParseCelsius(await File.ReadAllTextAsync(w1Slave, cancellationToken))
                : W1SlaveText.ParseTemperatureFile(await File.ReadAllTextAsync(Path.Combine(_folder, "temperature"), cancellationToken));
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            IsOpen = false;
            throw new SensorFaultException(SensorFault.Absent, $"{_folder} disappeared: the sensor left the 1-wire bus");
        }

        return [new(IndoorQuantity.Temperature, celsius)];
    }

    public void Close() => IsOpen = false;

    public void Dispose() => Close();
}
