namespace Aizu.Hardware.Display;

internal static partial class Log
{
    [LoggerMessage(6601, LogLevel.Information, "{Kind} screen {Location} ready")]
    public static partial void ScreenReady(ILogger logger, DisplayKind kind, string location);

    [LoggerMessage(6602, LogLevel.Warning, "The {Kind} screen {Location} did not answer: {Reason} Trying again at every refresh.")]
    public static partial void ScreenUnavailable(ILogger logger, DisplayKind kind, string location, string reason);

    [LoggerMessage(6603, LogLevel.Information, "The {Kind} screen is answering again")]
    public static partial void ScreenRecovered(ILogger logger, DisplayKind kind);

    [LoggerMessage(6604, LogLevel.Warning, "The {Kind} screen {Location} is stuck: a transfer has not returned for {Elapsed} (a device holding the bus?). The display is left alone until it returns; the gateway carries on.")]
    public static partial void ScreenStuck(ILogger logger, DisplayKind kind, string location, TimeSpan elapsed);

    [LoggerMessage(6605, LogLevel.Error, "Drawing on the {Kind} screen {Location} failed unexpectedly; trying again at the next refresh")]
    public static partial void DrawFailed(ILogger logger, DisplayKind kind, string location, Exception exception);
}
