namespace Aizu.Storage;

/// <summary>Where and how the gateway keeps its readings.</summary>
public sealed class StorageOptions
{
    /// <summary>The default free-space floor in MB, lowered on small disks (see <see cref="MinFreeSpaceMegabytes"/>).</summary>
    public const long DefaultMinFreeSpaceMegabytes = 256;

    /// <summary>The configuration section the composition root binds, <c>Aizu:Storage</c>.</summary>
    public const string SectionName = "Aizu:Storage";

    /// <summary>
    /// Path of the SQLite file, for example <c>/var/lib/aizu/readings.db</c>. Its directory is
    /// created when missing. Relative paths resolve against the working directory.
    /// </summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>What an acknowledged append survives; <see cref="StorageDurability.Full"/> by default.</summary>
    public StorageDurability Durability { get; set; } = StorageDurability.Full;

    /// <summary>
    /// How long readings may wait in memory before they are committed together (group commit); 60 s by default.
    /// A power cut or a kill loses at most the readings of this window (plus the ingest batch of 0.5 s);
    /// energy totals are not lost, because the meter's cumulative register is read again after a restart.
    /// Any query of the panel commits what is waiting first, so the panel never lags. Zero commits every batch.
    /// </summary>
    public TimeSpan CommitWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Months of raw readings to keep (13 by default, so a year ago today is still there); 0 keeps them forever.</summary>
    public int RawRetentionMonths { get; set; } = 13;

    /// <summary>Months of 1-minute rollups to keep; 0 (the default) keeps them forever.</summary>
    public int MinuteRollupRetentionMonths { get; set; }

    /// <summary>Months of 15-minute rollups to keep; 0 (the default) keeps them forever.</summary>
    public int QuarterHourRollupRetentionMonths { get; set; }

    /// <summary>Months of 1-hour rollups to keep; 0 (the default) keeps them forever.</summary>
    public int HourRollupRetentionMonths { get; set; }

    /// <summary>Months of daily rollups to keep; 0 (the default) keeps them forever.</summary>
    public int DayRollupRetentionMonths { get; set; }

    /// <summary>
    /// Free space (MB) to keep on the database's file system. The default, 256, is lowered to a tenth of the file
    /// system on small disks (3.2 MB on a 32 MB disk); any other value is used as set. Below it the oldest raw chunks
    /// are dropped (rollups stay), only as many as needed and never those of the last <see cref="RawDaysAlwaysKept"/>
    /// days; when that could not meet the floor, nothing is dropped. Space SQLite holds free inside the file counts as free.
    /// </summary>
    public long MinFreeSpaceMegabytes { get; set; } = DefaultMinFreeSpaceMegabytes;

    /// <summary>Days of raw readings the free-space floor never drops, however full the disk is (7 by default).</summary>
    public int RawDaysAlwaysKept { get; set; } = 7;

    /// <summary>Points per sealed chunk at most (3600: an hour at 1 Hz).</summary>
    public int MaxChunkPoints { get; set; } = 3_600;

    /// <summary>
    /// How many sealed chunks maintenance joins into one (4 by default; 1 never joins). Ingest seals chunks of
    /// <see cref="MaxChunkPoints"/> so an hour's batch goes straight into chunks; joining them later saves the
    /// per-chunk bytes of the file (0.04 bytes per point at 3600 points).
    /// </summary>
    public int JoinedChunks { get; set; } = 4;

    /// <summary>Time a chunk may span at most, so slow series seal too (a day by default).</summary>
    public TimeSpan MaxChunkDuration { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often appends also apply retention and check the free-space floor (every minute by default).</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMinutes(1);
}
