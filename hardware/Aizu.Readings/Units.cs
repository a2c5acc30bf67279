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
}
