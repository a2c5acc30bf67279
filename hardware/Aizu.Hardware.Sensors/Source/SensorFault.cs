namespace Aizu.Hardware.Sensors;

/// <summary>Why a sensor's data was refused although the transfer itself succeeded.</summary>
internal enum SensorFault
{
    /// <summary>A CRC did not match: the bytes were corrupted on the wire.</summary>
    Crc = 0,

    /// <summary>The chip never finished a measurement.</summary>
    NeverReady = 1,

    /// <summary>The chip is not on the bus (a 1-wire device that vanished or reads all zeros).</summary>
    Absent = 2,
}
