namespace Aizu.City.Ingest;

/// <summary>The city ingest's log messages; event ids 8000–8099.</summary>
internal static partial class Log
{
    [LoggerMessage(8000, LogLevel.Information, "Schema migration {Version} ({Name}) applied")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name);

    [LoggerMessage(8001, LogLevel.Information, "Connected to {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void BrokerConnected(this ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(8002, LogLevel.Warning, "Connection to {Host}:{Port} lost or refused ({Reason}); trying again in {Delay}")]
    public static partial void BrokerLost(this ILogger logger, string host, int port, string reason, TimeSpan delay);

    [LoggerMessage(8003, LogLevel.Warning, "Refused ({Reason}) {Topic} msg-id {MessageId}: {Detail}")]
    public static partial void Rejected(this ILogger logger, string reason, string topic, string messageId, string detail);

    [LoggerMessage(8004, LogLevel.Information, "Deletion request carried out: {Purpose} {Category}, {DataSets} data set(s), {Rows} aggregate(s) deleted")]
    public static partial void DeletionCarriedOut(this ILogger logger, string purpose, string category, int dataSets, long rows);

    [LoggerMessage(8005, LogLevel.Warning, "PostgreSQL unavailable ({Reason}); nothing acknowledged, trying again in {Delay}")]
    public static partial void StoreUnavailable(this ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(8006, LogLevel.Warning, "The broker refused the deletion confirmation on {Topic}: {ReasonCode}; it stays queued")]
    public static partial void ConfirmationRefused(this ILogger logger, string topic, string reasonCode);

    [LoggerMessage(8007, LogLevel.Debug, "Acknowledgement not sent ({Reason}); the broker sends the message again")]
    public static partial void AcknowledgeFailed(this ILogger logger, string reason);

    [LoggerMessage(8008, LogLevel.Information, "Retention: {Rows} aggregate(s) past their retention deleted")]
    public static partial void RetentionDeleted(this ILogger logger, long rows);

    [LoggerMessage(8009, LogLevel.Warning, "Retention run failed ({Reason}); the next run tries again")]
    public static partial void RetentionFailed(this ILogger logger, string reason);
}
