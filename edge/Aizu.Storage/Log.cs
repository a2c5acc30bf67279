using Microsoft.Extensions.Logging;

namespace Aizu.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Reading store opened at {Path} (schema version {Version})")]
    public static partial void StoreOpened(this ILogger logger, string path, int version);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Reading store {Path} migrated from schema version {From} to {To}")]
    public static partial void StoreMigrated(this ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Reading store {Path} is unavailable at start-up and will be retried on next use: {Reason}")]
    public static partial void StoreUnavailableAtStart(this ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "SQLite kept {Path} in journal mode '{Mode}' instead of WAL; writes stay durable but panel reads may wait for writes")]
    public static partial void NotWal(this ILogger logger, string path, string mode);
}
