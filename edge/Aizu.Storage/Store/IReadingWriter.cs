namespace Aizu.Storage;

/// <summary>
/// What ingest and maintenance may do to the store: add readings, apply retention and the free-space
/// floor, scrub the chunks. Nothing here reads the household's data back.
/// </summary>
public interface IReadingWriter
{
    /// <summary>
    /// Stores <paramref name="batch"/> in one transaction: all of it or none. A reading at a timestamp its
    /// series already has replaces that value. The batch is on disk within <see cref="StorageOptions.CommitWindow"/>
    /// (at once when the window is zero; see <see cref="StorageOptions.Durability"/>); queries see it at once.
    /// Readings stamped before 2020, or older than the raw data still kept, are left out and counted in the store's health.
    /// </summary>
    /// <exception cref="ArgumentException">A reading has no series or unit, a non-finite value, or a unit
    /// other than the one its series was first stored with. Nothing is written.</exception>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is written.</exception>
    Task AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Applies retention (raw and per rollup resolution) and the free-space floor now. Appends do this on
    /// their own every <see cref="StorageOptions.MaintenanceInterval"/>; call it to do it at a known time.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing.</exception>
    Task RunMaintenanceAsync(CancellationToken cancellationToken);

    /// <summary>Reads and verifies every chunk, quarantining the damaged ones; returns how many were quarantined.</summary>
    Task<long> VerifyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves every reading stamped after <paramref name="after"/> out of its series (into a table of readings kept
    /// apart) and recomputes the rollups from there on, in one transaction; returns how many were moved. For a system
    /// clock that stepped back: what it stamped while it ran ahead must not interleave with what it stamps now.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing. Nothing is moved.</exception>
    Task<long> SetAsideAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>The latest timestamp of any stored (or waiting) reading, or null when there is none.</summary>
    /// <exception cref="StoreUnavailableException">The disk is full, read-only or failing.</exception>
    Task<DateTimeOffset?> GetNewestTimestampAsync(CancellationToken cancellationToken);
}
