namespace Aizu.Storage;

/// <summary>A snapshot of the store's condition for the panel's status page.</summary>
/// <param name="State">Overall state.</param>
/// <param name="FreeBytes">Free bytes at the last check (disk plus space free inside the file), or null before the first check.</param>
/// <param name="FreeSpaceFloorBytes">The floor in force: the configured one (the default at most a tenth of the disk).</param>
/// <param name="RawChunksDroppedForSpace">Raw chunks dropped since start because the disk was nearly full.</param>
/// <param name="OldestRawReading">Start of the oldest raw data still kept, or null when none is known.</param>
/// <param name="QuarantinedChunks">Chunks moved to quarantine since start because their checksum or encoding was bad.</param>
/// <param name="RefusedReadings">Readings not stored since start: stamped before 2020, older than the raw data kept, or of a new series beyond the store's limit (2^20 − 1 series).</param>
/// <param name="LastProblem">The most recent problem, in words, or null.</param>
/// <param name="LastProblemAt">When <paramref name="LastProblem"/> happened.</param>
public sealed record StorageHealth(
    StorageHealthState State,
    long? FreeBytes,
    long FreeSpaceFloorBytes,
    long RawChunksDroppedForSpace,
    DateTimeOffset? OldestRawReading,
    long QuarantinedChunks,
    long RefusedReadings,
    string? LastProblem,
    DateTimeOffset? LastProblemAt);
