namespace Aizu.Uplink;

internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Connected to {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void Connected(this ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Uplink to {Host}:{Port} unavailable ({Reason}); next attempt in {Delay}")]
    public static partial void ConnectionFailed(this ILogger logger, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Broker refused message {MessageId} on {Topic} with reason 0x{ReasonCode:X2} ({Reason}); it stays in the outbox")]
    public static partial void PublishRefused(this ILogger logger, string messageId, string topic, int reasonCode, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Downlink handler {Handler} failed on a message from {Topic}")]
    public static partial void DownlinkHandlerFailed(this ILogger logger, Exception exception, string handler, string topic);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug,
        Message = "No handler takes downlink messages on {Topic}")]
    public static partial void DownlinkUnhandled(this ILogger logger, string topic);

    [LoggerMessage(EventId = 5005, Message = "MQTTnet {Source}: {Text}")]
    public static partial void MqttNet(this ILogger logger, LogLevel level, Exception? exception, string source, string text);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning,
        Message = "Health ping to the broker failed; reconnecting")]
    public static partial void PingFailed(this ILogger logger);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning,
        Message = "Subscribing to {Topic} was refused with reason {ReasonCode}")]
    public static partial void SubscribeRefused(this ILogger logger, string topic, string reasonCode);
}
