namespace Aizu.Readings;

/// <summary>What an indoor climate sensor measures; the last part of an <c>indoor.{room}.{quantity}</c> series name.</summary>
public enum IndoorQuantity
{
    /// <summary>Air temperature, <see cref="Units.DegreeCelsius"/>.</summary>
    Temperature = 0,

    /// <summary>Relative humidity, <see cref="Units.RelativeHumidityPercent"/>.</summary>
    Humidity = 1,

    /// <summary>Barometric pressure, <see cref="Units.Hectopascal"/>.</summary>
    Pressure = 2,

    /// <summary>Carbon dioxide concentration, <see cref="Units.PartsPerMillion"/>.</summary>
    Co2 = 3,
}
