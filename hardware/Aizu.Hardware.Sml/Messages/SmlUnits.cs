namespace Aizu.Hardware.Sml;

/// <summary>The DLMS/COSEM unit codes (IEC 62056-62) SML meters use.</summary>
public static class SmlUnits
{
    /// <summary>Active power, W.</summary>
    public const byte Watt = 27;

    /// <summary>Apparent power, VA.</summary>
    public const byte VoltAmpere = 28;

    /// <summary>Active energy, Wh.</summary>
    public const byte WattHour = 30;

    /// <summary>Current, A.</summary>
    public const byte Ampere = 33;

    /// <summary>Voltage, V.</summary>
    public const byte Volt = 35;

    /// <summary>Frequency, Hz.</summary>
    public const byte Hertz = 44;

    /// <summary>The unit's symbol, or its code when it is not one listed here.</summary>
    public static string Symbol(byte code) => code switch
    {
        Watt => "W",
        VoltAmpere => "VA",
        29 => "var",
        WattHour => "Wh",
        31 => "VAh",
        32 => "varh",
        Ampere => "A",
        Volt => "V",
        Hertz => "Hz",
        8 => "°",
        9 => "°C",
        13 => "m3",
        255 => "(count)",
        _ => "unit " + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
