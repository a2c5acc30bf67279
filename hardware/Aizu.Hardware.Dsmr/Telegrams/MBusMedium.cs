namespace Aizu.Hardware.Dsmr;

/// <summary>What an M-Bus device behind the electricity meter measures (from its device type, 0-n:24.1.0).</summary>
public enum MBusMedium
{
    /// <summary>A device type the gateway does not use.</summary>
    Other = 0,

    /// <summary>Gas meter (device type 3).</summary>
    Gas = 3,

    /// <summary>Heat or cooling meter (device types 4 and 12).</summary>
    Heat = 4,

    /// <summary>Cold water meter (device type 7).</summary>
    Water = 7,
}
