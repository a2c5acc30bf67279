namespace Aizu.Hardware.Sensors;

/// <summary>
/// An SCD4x through <see cref="Scd4x"/> in periodic mode (a new value every 5 s). The binding waits
/// for the next period and polls data-ready itself, in real time; the source's read time-out bounds it.
/// </summary>
internal sealed class Scd4xChip(Func<I2cConnectionSettings, I2cDevice> open, I2cConnectionSettings settings)
    : I2cBindingChip<Scd4x>(open, settings, "SCD4x")
{
    protected override I2cDevice Wrap(I2cDevice device) => new CrcCheckedI2cDevice(device);

    protected override Scd4x Bind(I2cDevice device)
    {
        // The constructor stops any running measurement and re-initialises the sensor.
        var scd = new Scd4x(device);
        scd.StartPeriodicMeasurements();
        return scd;
    }

    public override async Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        var scd = Binding;
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
}
