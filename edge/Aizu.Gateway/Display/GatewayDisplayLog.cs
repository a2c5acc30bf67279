namespace Aizu.Gateway.Display;

/// <summary>The gateway's log messages about the on-device display (event IDs 9100–9109).</summary>
internal static partial class GatewayDisplayLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information,
        Message = "Display alert indicator on: {Count} city alert(s) current for this household")]
    public static partial void AlertIndicatorOn(ILogger logger, int count);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "Display alert indicator off: no city alert is current")]
    public static partial void AlertIndicatorOff(ILogger logger);
}
