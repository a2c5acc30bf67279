namespace Aizu.Hardware.Dsmr;

/// <summary>Which P1 port the meter has; it decides the line settings and whether telegrams carry a CRC.</summary>
public enum DsmrProtocol
{
    /// <summary>DSMR 5.0 (Netherlands, Luxembourg): 115200 baud 8N1, a telegram every second, CRC.</summary>
    Dsmr5 = 0,

    /// <summary>DSMR 4.x (Netherlands): 115200 baud 8N1, a telegram every ten seconds, CRC.</summary>
    Dsmr4 = 1,

    /// <summary>DSMR 2.2 and 3.0 (older Dutch meters): 9600 baud 7E1, a telegram every ten seconds, no CRC.</summary>
    Dsmr22 = 2,

    /// <summary>Belgian e-MUCS (Fluvius, ORES, Sibelga): as DSMR 5.0, with quarter-hour peak demand.</summary>
    EMucs = 3,
}
