namespace Aizu.Hardware.Sensors;

internal static partial class Log
{
    [LoggerMessage(6501, LogLevel.Information, "Polling {Count} indoor sensor(s) every {Seconds} s")]
    public static partial void Started(ILogger logger, int count, double seconds);

    [LoggerMessage(6502, LogLevel.Information, "{Sensor} ready")]
    public static partial void SensorReady(ILogger logger, string sensor);

    [LoggerMessage(EventId = 6503, Message = "{Sensor} did not answer (NACK or bus error): {Reason} Skipped this round; it is reopened next round.")]
    public static partial void NotAnswering(ILogger logger, LogLevel level, string sensor, string reason);

    [LoggerMessage(EventId = 6504, Message = "{Sensor} sent data with a bad CRC ({Reason}); the values are discarded and no reading is made this round")]
    public static partial void CrcError(ILogger logger, LogLevel level, string sensor, string reason);

    [LoggerMessage(EventId = 6505, Message = "{Sensor} never finished a measurement ({Reason}); skipped this round")]
    public static partial void NeverReady(ILogger logger, LogLevel level, string sensor, string reason);

    [LoggerMessage(EventId = 6506, Message = "{Sensor} did not answer within {Seconds} s: the I2C bus may be stuck (a device holding SDA low, or a wedged chip). Skipped this round; other sensors carry on.")]
    public static partial void BusStuck(ILogger logger, LogLevel level, string sensor, double seconds);

    [LoggerMessage(6507, LogLevel.Debug, "{Sensor} is still busy with a read from an earlier round; skipped again")]
    public static partial void StillBusy(ILogger logger, string sensor);

    [LoggerMessage(6508, LogLevel.Warning, "{Sensor} reported an impossible {Quantity} of {Value}; that value is dropped")]
    public static partial void Implausible(ILogger logger, string sensor, string quantity, double value);

    [LoggerMessage(6509, LogLevel.Information, "{Sensor} is answering again after {Rounds} failed round(s)")]
    public static partial void Recovered(ILogger logger, string sensor, int rounds);

    [LoggerMessage(EventId = 6510, Message = "{Sensor} is not on the bus: {Reason}")]
    public static partial void Absent(ILogger logger, LogLevel level, string sensor, string reason);
}
