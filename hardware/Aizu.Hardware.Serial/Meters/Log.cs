namespace Aizu.Hardware.Serial.Meters;

internal static partial class Log
{
    [LoggerMessage(6701, LogLevel.Information, "{Port} {Device} open at {Line}")]
    public static partial void PortOpened(ILogger logger, string port, string device, string line);

    [LoggerMessage(6702, LogLevel.Warning, "{Port} {Device} unavailable: {Reason} Retrying.")]
    public static partial void PortUnavailable(ILogger logger, string port, string device, string reason);

    [LoggerMessage(6703, LogLevel.Warning, "No valid {Frame} from the meter for {Seconds} s: {Advice} Reopening {Device}.")]
    public static partial void MeterSilent(ILogger logger, string frame, double seconds, string advice, string device);

    [LoggerMessage(6704, LogLevel.Warning, "Rejected one {Frame} ({Kind}): {Reason} Its values are not used.")]
    public static partial void FrameRejected(ILogger logger, string frame, string kind, string reason);

    [LoggerMessage(6705, LogLevel.Debug, "Rejected another {Frame} ({Kind}): {Reason}")]
    public static partial void FrameRejectedAgain(ILogger logger, string frame, string kind, string reason);

    [LoggerMessage(6706, LogLevel.Information, "{Port} {Device}: {Frame}s are valid again after {Rejected} rejected")]
    public static partial void FramesRecovered(ILogger logger, string port, string device, string frame, long rejected);

    [LoggerMessage(6707, LogLevel.Warning, "Skipped bytes from {Port} {Device}: {Reason}")]
    public static partial void BytesDiscarded(ILogger logger, string port, string device, string reason);

    [LoggerMessage(6708, LogLevel.Information, "First valid {Frame} from meter {Meter}")]
    public static partial void FirstFrame(ILogger logger, string frame, string meter);

    [LoggerMessage(6709, LogLevel.Warning, "The system clock is not set and the {Frame} carries no time of its own; its values are dropped rather than stamped wrongly")]
    public static partial void NoTrustedClock(ILogger logger, string frame);

    [LoggerMessage(6710, LogLevel.Warning, "Could not read one {Frame} ({Error}); it is skipped and reading carries on")]
    public static partial void FrameFailed(ILogger logger, string frame, string error);

    [LoggerMessage(6711, LogLevel.Warning, "Skipped {Kind} of a valid {Frame}: {Reason} The frame's other values are stored; further skips of {Kind} are counted and logged at debug level.")]
    public static partial void ValueSkipped(ILogger logger, string kind, string frame, string reason);

    [LoggerMessage(6712, LogLevel.Debug, "Skipped {Kind} of another {Frame}: {Reason}")]
    public static partial void ValueSkippedAgain(ILogger logger, string kind, string frame, string reason);
}
