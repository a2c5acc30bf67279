namespace Aizu.Storage;

/// <summary>What a returned <see cref="ReadingStore.AppendAsync"/> promises about a power cut.</summary>
public enum StorageDurability
{
    /// <summary>Every acknowledged batch survives a power cut (SQLite <c>synchronous=FULL</c>). The default.</summary>
    Full = 0,

    /// <summary>
    /// The file is never corrupted, but the last batches acknowledged before a power cut may be lost
    /// (SQLite <c>synchronous=NORMAL</c> in WAL mode): fewer flushes, less SD card wear.
    /// </summary>
    Normal = 1,
}
