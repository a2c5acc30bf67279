using Microsoft.Extensions.Logging;

namespace Aizu.Hardware.Sml;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "SML read head on {Device} open at {BaudRate} baud 8N1")]
    public static partial void PortOpened(ILogger logger, string device, int baudRate);

    [LoggerMessage(2, LogLevel.Warning, "SML read head {Device} unavailable: {Reason} Retrying.")]
    public static partial void PortUnavailable(ILogger logger, string device, string reason);

    [LoggerMessage(3, LogLevel.Warning, "No valid SML data for {Seconds} s: check that the read head sits on the meter's info interface (magnet, alignment) and that the meter's push is enabled. Reopening {Device}.")]
    public static partial void MeterSilent(ILogger logger, double seconds, string device);

    [LoggerMessage(4, LogLevel.Warning, "Rejected an SML frame ({Kind}): {Reason} Its values are not used.")]
    public static partial void FrameRejected(ILogger logger, SmlErrorKind kind, string reason);

    [LoggerMessage(5, LogLevel.Debug, "Rejected another SML frame ({Kind}): {Reason}")]
    public static partial void FrameRejectedAgain(ILogger logger, SmlErrorKind kind, string reason);

    [LoggerMessage(6, LogLevel.Information, "SML frames are valid again after {Rejected} rejected")]
    public static partial void FramesRecovered(ILogger logger, long rejected);

    [LoggerMessage(7, LogLevel.Warning, "Skipped bytes from the read head: {Reason}")]
    public static partial void BytesDiscarded(ILogger logger, string reason);

    [LoggerMessage(8, LogLevel.Information, "First valid SML data from meter {ServerId}")]
    public static partial void FirstFrame(ILogger logger, string serverId);

    [LoggerMessage(9, LogLevel.Warning, "The system clock is not set and the meter sends no calendar time; its values are dropped rather than stamped wrongly")]
    public static partial void NoTrustedClock(ILogger logger);

    [LoggerMessage(10, LogLevel.Warning, "The meter sends {Obis} in {Unit} rather than {Expected}; the value is not used")]
    public static partial void UnexpectedUnit(ILogger logger, string obis, string unit, string expected);

    [LoggerMessage(11, LogLevel.Warning, "The meter's value of {Obis} cannot be used ({Reason}); it is skipped and the frame's other values are stored. Further such values are counted (SmlStatistics.ValuesSkipped).")]
    public static partial void ValueSkipped(ILogger logger, string obis, string reason);
}
