using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.Dsmr;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "P1 port {Device} open at {Settings} for {Protocol}")]
    public static partial void PortOpened(ILogger logger, string device, string settings, DsmrProtocol protocol);

    [LoggerMessage(2, LogLevel.Warning, "P1 port {Device} unavailable: {Reason} Retrying.")]
    public static partial void PortUnavailable(ILogger logger, string device, string reason);

    [LoggerMessage(3, LogLevel.Warning, "No valid telegram from the meter for {Seconds} s: check the P1 cable and that the meter's P1 port is enabled (data-request line). Reopening {Device}.")]
    public static partial void MeterSilent(ILogger logger, double seconds, string device);

    [LoggerMessage(4, LogLevel.Warning, "Rejected a telegram ({Kind}): {Reason} Its values are not used.")]
    public static partial void TelegramRejected(ILogger logger, DsmrErrorKind kind, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Rejected another telegram ({Kind}): {Reason}")]
    public static partial void TelegramRejectedAgain(ILogger logger, DsmrErrorKind kind, string reason);

    [LoggerMessage(6, LogLevel.Information, "Telegrams are valid again after {Rejected} rejected")]
    public static partial void TelegramsRecovered(ILogger logger, long rejected);

    [LoggerMessage(7, LogLevel.Warning, "Skipped bytes on the P1 line: {Reason}")]
    public static partial void BytesDiscarded(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Information, "First valid telegram from meter {Identification} (P1 version {Version})")]
    public static partial void FirstTelegram(ILogger logger, string identification, string version);

    [LoggerMessage(9, LogLevel.Warning, "The system clock is not set and the telegram has no time of its own; its values are dropped rather than stamped wrongly")]
    public static partial void NoTrustedClock(ILogger logger);

    [LoggerMessage(10, LogLevel.Warning, "Skipped a telegram object the gateway does not understand: {Reason} The rest of the telegram is used; further skips are counted (DsmrStatistics.ObjectsSkipped) and logged at debug level.")]
    public static partial void ObjectSkipped(ILogger logger, string reason);

    [LoggerMessage(11, LogLevel.Debug, "Skipped a telegram object: {Reason}")]
    public static partial void ObjectSkippedAgain(ILogger logger, string reason);
}
