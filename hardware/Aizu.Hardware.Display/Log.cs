using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.Display;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{Kind} screen at 0x{Address:X2} on I2C bus {Bus} ready")]
    public static partial void ScreenReady(ILogger logger, DisplayKind kind, int address, int bus);

    [LoggerMessage(2, LogLevel.Warning, "The {Kind} screen at 0x{Address:X2} on I2C bus {Bus} did not answer: {Reason} Trying again at every refresh.")]
    public static partial void ScreenUnavailable(ILogger logger, DisplayKind kind, int address, int bus, string reason);

    [LoggerMessage(3, LogLevel.Information, "The {Kind} screen is answering again")]
    public static partial void ScreenRecovered(ILogger logger, DisplayKind kind);
}
