namespace Aizu.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "The {Component} tables are open at {Path} (schema version {Version})")]
    public static partial void SchemaReady(this ILogger logger, string component, string path, int version);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "The {Component} tables in {Path} were migrated from schema version {From} to {To}")]
    public static partial void SchemaMigrated(this ILogger logger, string component, string path, int from, int to);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Reading store {Path} is unavailable at start-up and will be retried on next use: {Reason}")]
    public static partial void StoreUnavailableAtStart(this ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "SQLite kept {Path} in journal mode '{Mode}' instead of WAL; writes stay durable but panel reads may wait for writes")]
    public static partial void NotWal(this ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error,
        Message = "A chunk of {Series} starting {Start:u} is damaged ({Reason}); it was moved to quarantine and the rest of the store stays readable")]
    public static partial void ChunkQuarantined(this ILogger logger, string series, DateTimeOffset start, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "The disk was nearly full: dropped {Chunks} raw chunks from {From:u} to {To:u}; {Free} bytes free now, floor {Floor}; rollups are kept")]
    public static partial void RawDroppedForSpace(this ILogger logger, long chunks, DateTimeOffset from, DateTimeOffset to, long free, long floor);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error,
        Message = "Only {Free} bytes are free, below the floor of {Floor}: {Reason}; free space on the card")]
    public static partial void FreeSpaceFloorUnreachable(this ILogger logger, long free, long floor, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information,
        Message = "Dropped {Chunks} raw chunks older than the raw retention of {Months} months")]
    public static partial void RawRetentionApplied(this ILogger logger, long chunks, int months);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning,
        Message = "{Count} readings were not stored: stamped before {Earliest:u}, older than the raw data kept, or of a series the store cannot hold")]
    public static partial void ReadingsRefused(this ILogger logger, long count, DateTimeOffset earliest);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning,
        Message = "Storage maintenance (retention, free-space floor) failed and will be retried: {Reason}")]
    public static partial void MaintenanceFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "The day-rollup time zone changed from {From} to {To}: rebuilt {Days} day rollups from the 15-minute rollups")]
    public static partial void DayRollupsRebuilt(this ILogger logger, string from, string to, long days);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information,
        Message = "Converted {Rows} readings of the version 1 row table into chunks and rollups ({Remaining} left)")]
    public static partial void LegacyRowsConverted(this ILogger logger, long rows, long remaining);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning,
        Message = "The household erased the stored readings: {Readings} readings of {Series} series, their rollups and quarantined chunks")]
    public static partial void ReadingsErased(this ILogger logger, long readings, int series);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning,
        Message = "Committing {Count} waiting readings failed and will be retried: {Reason}")]
    public static partial void PendingCommitFailed(this ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Error,
        Message = "{Count} readings waiting for the commit window were lost at shutdown: {Reason}")]
    public static partial void PendingLostAtShutdown(this ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning,
        Message = "Set aside {Count} readings stamped after {After:o} (by a clock that ran ahead); they are kept apart in table set_aside_reading and the rollups from then on were recomputed")]
    public static partial void ReadingsSetAside(this ILogger logger, long count, DateTimeOffset after);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Error,
        Message = "The store holds the most series it can ({Limit}); readings of the new series {Series} are not stored")]
    public static partial void SeriesLimitReached(this ILogger logger, long limit, string series);
}
