namespace Aizu.Panel;

/// <summary>The store's own health in <c>GET /api/status</c> and <c>GET /api/settings</c>: the disk budget and damaged data.</summary>
/// <param name="State"><c>ok</c>, <c>degraded</c> (raw data was dropped for space or a chunk was quarantined) or <c>critical</c> (below the free-space floor, and dropping what may go would not meet it).</param>
/// <param name="FreeBytes">Free bytes at the last check; null before the first.</param>
/// <param name="FloorBytes">The free-space floor in force: the configured one (the default at most a tenth of the disk).</param>
/// <param name="RawChunksDroppedForSpace">Raw chunks dropped since start because the disk was nearly full.</param>
/// <param name="QuarantinedChunks">Damaged chunks moved aside since start.</param>
/// <param name="RefusedReadings">Readings not stored since start (clock before 2020, or older than the raw data kept).</param>
/// <param name="OldestRawReading">Start of the oldest raw data still kept.</param>
/// <param name="Problem">The most recent problem in words, or null.</param>
/// <param name="ProblemAt">When it happened.</param>
internal sealed record PanelStorageStatus(
    string State,
    long? FreeBytes,
    long FloorBytes,
    long RawChunksDroppedForSpace,
    long QuarantinedChunks,
    long RefusedReadings,
    DateTimeOffset? OldestRawReading,
    string? Problem,
    DateTimeOffset? ProblemAt)
{
    public static PanelStorageStatus From(StorageHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return new(
            health.State.ToString().ToLowerInvariant(),
            health.FreeBytes,
            health.FreeSpaceFloorBytes,
            health.RawChunksDroppedForSpace,
            health.QuarantinedChunks,
            health.RefusedReadings,
            health.OldestRawReading,
            health.LastProblem,
            health.LastProblemAt);
    }
}
