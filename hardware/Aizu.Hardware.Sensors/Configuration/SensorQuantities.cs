namespace Aizu.Hardware.Sensors;

/// <summary>What each chip measures, and which of that a definition publishes.</summary>
internal static class SensorQuantities
{
    public static IReadOnlyList<IndoorQuantity> ProvidedBy(IndoorSensorKind kind) => kind switch
    {
        IndoorSensorKind.Bme280 => [IndoorQuantity.Temperature, IndoorQuantity.Humidity, IndoorQuantity.Pressure],
        IndoorSensorKind.Sht3x => [IndoorQuantity.Temperature, IndoorQuantity.Humidity],
        IndoorSensorKind.Scd4x => [IndoorQuantity.Co2, IndoorQuantity.Temperature, IndoorQuantity.Humidity],
        IndoorSensorKind.Ds18b20 => [IndoorQuantity.Temperature],
        _ => [],
    };

    public static IReadOnlyList<IndoorQuantity> PublishedBy(IndoorSensorDefinition definition) =>
        definition.Quantities.Count == 0 ? ProvidedBy(definition.Kind) : [.. definition.Quantities.Distinct()];

    public static string UnitOf(IndoorQuantity quantity) => quantity switch
    {
        IndoorQuantity.Temperature => Units.DegreeCelsius,
        IndoorQuantity.Humidity => Units.RelativeHumidityPercent,
        IndoorQuantity.Pressure => Units.Hectopascal,
        IndoorQuantity.Co2 => Units.PartsPerMillion,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown indoor quantity."),
    };

    /// <summary>
    /// Whether a value is physically possible for an indoor sensor. Anything outside is a corrupted
    /// transfer or a broken chip, not weather, and must not be stored as a measurement.
    /// </summary>
    public static bool IsPlausible(IndoorQuantity quantity, double value) =>
        double.IsFinite(value) && quantity switch
        {
            IndoorQuantity.Temperature => value is >= -40 and <= 85,
            IndoorQuantity.Humidity => value is >= 0 and <= 100,
            IndoorQuantity.Pressure => value is >= 300 and <= 1100,
            IndoorQuantity.Co2 => value is >= 0 and <= 40_000,
            _ => false,
        };
}
