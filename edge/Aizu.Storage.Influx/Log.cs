namespace Aizu.Storage.Influx;

internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "InfluxDB mirror writing to {Target}; {PointsSent} points were written there before")]
    public static partial void MirrorStarted(this ILogger logger, string target, long pointsSent);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "InfluxDB mirror cannot write to {Target}: {Reason}. Nothing is lost: the readings stay in the store and are sent when it works again; next attempt in {Delay}")]
    public static partial void WriteFailing(this ILogger logger, string target, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug,
        Message = "InfluxDB mirror attempt {Attempt} failed: {Reason}; next attempt in {Delay}")]
    public static partial void StillFailing(this ILogger logger, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information,
        Message = "InfluxDB mirror writes to {Target} again after {Failures} failed attempts")]
    public static partial void Recovered(this ILogger logger, string target, int failures);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug,
        Message = "InfluxDB mirror wrote {Points} points ({Raw} raw readings) in {Elapsed}")]
    public static partial void BatchWritten(this ILogger logger, int points, int raw, TimeSpan elapsed);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information,
        Message = "InfluxDB mirror caught up: {Points} points written since start")]
    public static partial void CaughtUp(this ILogger logger, long points);
}
