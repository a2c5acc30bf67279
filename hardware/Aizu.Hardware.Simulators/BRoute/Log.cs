namespace Aizu.Hardware.Simulators.BRoute;

internal static partial class Log
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information,
        Message = "Simulated {Dialect} dongle plugged in on {SlavePath}; drivers open {DevicePath}")]
    public static partial void PluggedIn(this ILogger logger, string slavePath, string devicePath, SkstackDialect dialect);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Simulated dongle on {SlavePath} unplugged for {Downtime}")]
    public static partial void Unplugged(this ILogger logger, string slavePath, TimeSpan downtime);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "Simulated dongle stopped reading {SlavePath}")]
    public static partial void ReadFailed(this ILogger logger, Exception exception, string slavePath);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning,
        Message = "Simulated dongle on {SlavePath} did not stop within 5 s")]
    public static partial void StopTimedOut(this ILogger logger, string slavePath);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning,
        Message = "The host has not read the simulated dongle's output for {Timeout}; {Count} bytes dropped")]
    public static partial void OutputDropped(this ILogger logger, int count, TimeSpan timeout);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning,
        Message = "Writing {Count} bytes to the host failed; they are dropped")]
    public static partial void WriteFailed(this ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Error,
        Message = "A delayed action of the simulated dongle failed")]
    public static partial void WorkFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Error,
        Message = "The simulated dongle could not handle {Command}; it is ignored")]
    public static partial void CommandFailed(this ILogger logger, Exception exception, string command);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Debug,
        Message = "Simulated dongle received {Command}")]
    public static partial void CommandReceived(this ILogger logger, string command);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Information,
        Message = "Simulated dongle answers FAIL ER06 to {Command}: {Reason}")]
    public static partial void CommandMalformed(this ILogger logger, string command, string reason);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Information,
        Message = "Simulated dongle answers FAIL ER04 to unsupported command {Command}")]
    public static partial void CommandUnsupported(this ILogger logger, string command);

    [LoggerMessage(EventId = 6113, Level = LogLevel.Debug,
        Message = "Simulated dongle received SKSENDTO to {Address} port {Port} with {Length} bytes")]
    public static partial void SendToReceived(this ILogger logger, string address, ushort port, int length);

    [LoggerMessage(EventId = 6120, Level = LogLevel.Information,
        Message = "Simulated scan (mode {Mode}) over {Channels} channels takes {Duration}")]
    public static partial void ScanStarted(this ILogger logger, string mode, int channels, TimeSpan duration);

    [LoggerMessage(EventId = 6121, Level = LogLevel.Information,
        Message = "Simulated PANA authentication started: meter reachable {Reachable}, credentials right {Credentials}, injected failure {Injected}")]
    public static partial void JoinStarted(this ILogger logger, bool reachable, bool credentials, bool injected);

    [LoggerMessage(EventId = 6122, Level = LogLevel.Information,
        Message = "Simulated PANA authentication finished: success {Success}")]
    public static partial void JoinFinished(this ILogger logger, bool success);

    [LoggerMessage(EventId = 6123, Level = LogLevel.Information,
        Message = "Simulated PANA session lifetime expired; re-authenticating")]
    public static partial void SessionExpired(this ILogger logger);

    [LoggerMessage(EventId = 6130, Level = LogLevel.Information,
        Message = "Simulated fault {Fault} ignored: {Reason}")]
    public static partial void FaultIgnored(this ILogger logger, string fault, string reason);

    [LoggerMessage(EventId = 6131, Level = LogLevel.Information,
        Message = "Simulated dongle sends {Count} bytes of garbage")]
    public static partial void GarbageSent(this ILogger logger, int count);
}
