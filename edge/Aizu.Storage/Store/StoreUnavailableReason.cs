namespace Aizu.Storage;

/// <summary>Why the store cannot take or give readings right now.</summary>
public enum StoreUnavailableReason
{
    /// <summary>The disk (or the database's size limit) is full.</summary>
    DiskFull = 1,

    /// <summary>The file or its file system is read-only.</summary>
    ReadOnly = 2,

    /// <summary>The operating system reported an I/O error: a failing SD card or a removed disk.</summary>
    IoError = 3,

    /// <summary>The file or its directory cannot be created or opened.</summary>
    CannotOpen = 4,

    /// <summary>The file is not a readable database.</summary>
    Corrupt = 5,

    /// <summary>Another process holds the database locked.</summary>
    Locked = 6,

    /// <summary>The file was written by a newer gateway whose schema this one does not know.</summary>
    NewerSchema = 7,
}
