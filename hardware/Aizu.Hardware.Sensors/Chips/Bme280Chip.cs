namespace Aizu.Hardware.Sensors;

/// <summary>A BME280 through <see cref="Bme280"/>, in forced mode: one conversion per read, the chip sleeping in between.</summary>
internal sealed class Bme280Chip(Func<I2cConnectionSettings, I2cDevice> open, I2cConnectionSettings settings)
    : I2cBindingChip<Bme280>(open, settings, "BME280")
{
    // The constructor checks the chip id (IOException for another chip), reads the calibration and soft-resets.
    protected override Bme280 Bind(I2cDevice device) => new(device)
    {
        TemperatureSampling = Sampling.LowPower,
        PressureSampling = Sampling.Standard,
        HumiditySampling = Sampling.Standard,
        FilterMode = Bmx280FilteringMode.Off,
    };

    public override async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        var bme = Binding;
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
}
