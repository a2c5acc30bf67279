namespace Aizu.Hardware.Sensors;

/// <summary>I2C addresses as installers write them: <c>0x76</c> or <c>118</c>.</summary>
internal static class I2cAddress
{
    /// <summary>The usual address of each I2C chip, used when the configuration leaves it empty.</summary>
    public static int DefaultFor(IndoorSensorKind kind) => kind switch
    {
        IndoorSensorKind.Bme280 => 0x76,
        IndoorSensorKind.Sht3x => 0x44,
        IndoorSensorKind.Scd4x => 0x62,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an I2C sensor."),
    };

    /// <summary>Parses a 7-bit address in the range the I2C specification leaves to devices (0x03–0x77).</summary>
    public static bool TryParse(string text, IndoorSensorKind kind, out int address) =>
        I2cAddressSetting.TryParse(text, () => DefaultFor(kind), out address);
}
