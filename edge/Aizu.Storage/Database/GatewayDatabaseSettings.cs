namespace Aizu.Storage;

/// <summary>How one component uses the gateway's file through <see cref="GatewayDatabase"/>.</summary>
public sealed class GatewayDatabaseSettings
{
    /// <summary>What an acknowledged commit survives; <see cref="StorageDurability.Full"/> unless the household chose otherwise for readings.</summary>
    public StorageDurability Durability { get; init; } = StorageDurability.Full;

    /// <summary>
    /// True: faults of the environment (full disk, read-only, failing card, damaged file, newer schema)
    /// surface as <see cref="StoreUnavailableException"/>, so callers can tell "retry later" from a bug.
    /// False: they pass as SQLite raised them (the component's callers handle <see cref="SqliteException"/>).
    /// </summary>
    public bool ReportsUnavailable { get; init; }

    /// <summary>Runs on every freshly opened and migrated kept writer, before it is used: the owner loads its state.</summary>
    public Action<SqliteConnection>? WriterOpened { get; init; }

    /// <summary>Runs whenever the kept writer is dropped: the owner forgets its state tied to it.</summary>
    public Action? WriterClosed { get; init; }
}
