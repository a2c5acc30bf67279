namespace Aizu.Readings;

/// <summary>Unit symbols used in <see cref="Reading.Unit"/> (SenML-compatible where SenML has one).</summary>
public static class Units
{
    /// <summary>Watt.</summary>
    public const string Watt = "W";

    /// <summary>Ampere.</summary>
    public const string Ampere = "A";

    /// <summary>Kilowatt-hour.</summary>
    public const string KilowattHour = "kWh";

    /// <summary>Volt.</summary>
    public const string Volt = "V";

    /// <summary>Cubic metre, for gas and water volumes (SenML <c>m3</c>).</summary>
    public const string CubicMetre = "m3";

    /// <summary>Degree Celsius (SenML <c>Cel</c>).</summary>
    public const string DegreeCelsius = "Cel";

    /// <summary>Relative humidity in percent (SenML <c>%RH</c>).</summary>
    public const string RelativeHumidityPercent = "%RH";

    /// <summary>Hectopascal, for barometric pressure (SenML secondary unit <c>hPa</c>).</summary>
    public const string Hectopascal = "hPa";

    /// <summary>Parts per million, for gas concentrations such as CO2 (SenML <c>ppm</c>).</summary>
    public const string PartsPerMillion = "ppm";
}
