namespace Aizu.Hardware.Sensors;

/// <summary>An SHT3x through <see cref="Sht3x"/>, with every word's CRC checked on the way in.</summary>
internal sealed class Sht3xChip(Func<I2cConnectionSettings, I2cDevice> open, I2cConnectionSettings settings)
    : I2cBindingChip<Sht3x>(open, settings, "SHT3x")
{
    protected override I2cDevice Wrap(I2cDevice device) => new CrcCheckedI2cDevice(device);

    // The constructor soft-resets the chip.
    protected override Sht3x Bind(I2cDevice device) => new(device, Resolution.High);

    public override Task<IReadOnlyList<Measurement>> ReadAsync(CancellationToken cancellationToken)
    {
        var sht = Binding;

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
}
