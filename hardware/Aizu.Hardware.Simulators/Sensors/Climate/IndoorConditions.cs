namespace Aizu.Hardware.Simulators.Sensors;

/// <summary>The air in a simulated room at one moment: what a perfect sensor would measure.</summary>
/// <param name="TemperatureCelsius">Air temperature, °C.</param>
/// <param name="RelativeHumidityPercent">Relative humidity, %.</param>
/// <param name="PressureHectopascals">Barometric pressure, hPa.</param>
/// <param name="Co2Ppm">Carbon dioxide, ppm.</param>
public readonly record struct IndoorConditions(
    double TemperatureCelsius,
    double RelativeHumidityPercent,
    double PressureHectopascals,
    double Co2Ppm);
