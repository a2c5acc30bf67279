namespace Aizu.Hardware.Pulse;

internal static partial class Log
{
    [LoggerMessage(6401, LogLevel.Information, "Counting S0 pulses on GPIO {Pin} (chip {Chip}) at {PulsesPerKilowattHour} imp/kWh, starting from {Pulses} pulses")]
    public static partial void Counting(ILogger logger, int pin, int chip, int pulsesPerKilowattHour, long pulses);

    [LoggerMessage(6402, LogLevel.Warning, "GPIO {Pin} unavailable: {Reason} Retrying.")]
    public static partial void GpioUnavailable(ILogger logger, int pin, string reason);

    [LoggerMessage(6403, LogLevel.Warning, "Pulse count file {Path} is unreadable ({Reason}); counting starts again from zero")]
    public static partial void CountFileUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(6404, LogLevel.Warning, "The count file was written at {Old} imp/kWh but the meter is configured for {New} imp/kWh; the energy counted so far is kept")]
    public static partial void MeterConstantChanged(ILogger logger, int old, int @new);

    [LoggerMessage(6405, LogLevel.Error, "Saving the pulse count to {Path} failed: {Reason}")]
    public static partial void SaveFailed(ILogger logger, string path, string reason);

    [LoggerMessage(6406, LogLevel.Warning, "The system clock is not set; pulses are counted and saved but no readings are stamped until it is")]
    public static partial void NoTrustedClock(ILogger logger);
}
