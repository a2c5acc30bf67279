namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>The 16-bit words Sensirion's humidity sensors (SHT3x, SCD4x) send for temperature and humidity.</summary>
public static class SensirionWords
{
    /// <summary>The word for <paramref name="celsius"/>: −45 °C to 130 °C over 0–65535.</summary>
    public static ushort Temperature(double celsius) => (ushort)Math.Clamp(Math.Round((celsius + 45) * 65535 / 175), 0, 65535);

    /// <summary>The word for <paramref name="percent"/> relative humidity: 0–100 % over 0–65535.</summary>
    public static ushort Humidity(double percent) => (ushort)Math.Clamp(Math.Round(percent * 65535 / 100), 0, 65535);
}
