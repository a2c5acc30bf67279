namespace Aizu.Hardware.Serial.Tty;

/// <summary>Parity of a serial line.</summary>
public enum SerialParity
{
    /// <summary>No parity bit (8N1 lines such as Wi-SUN dongles and DSMR 5).</summary>
    None = 0,

    /// <summary>Even parity (7E1 lines such as DSMR 2.2/4).</summary>
    Even = 1,

    /// <summary>Odd parity.</summary>
    Odd = 2,
}
