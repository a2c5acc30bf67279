namespace Aizu.Gateway.Systemd;

/// <summary>The gateway's log messages about systemd (event IDs 9010–9019).</summary>
internal static partial class SystemdLog
{
    [LoggerMessage(EventId = 9010, Level = LogLevel.Information, Message = "systemd watchdog: pinging every {Interval}")]
    public static partial void WatchdogStarted(this ILogger logger, TimeSpan interval);
}
