namespace Aizu.Storage;

/// <summary>
/// Turns SQLite's result codes for environmental faults into <see cref="StoreUnavailableException"/>,
/// so callers can tell "retry later" apart from a bug (which keeps its original exception).
/// </summary>
internal static class SqliteFailures
{
    // Primary result codes from sqlite3.h; extended codes carry them in the low byte.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADb = 26;

    public static StoreUnavailableException? TryTranslate(SqliteException exception, string path)
    {
        var code = exception.SqliteExtendedErrorCode & 0xFF;
        if (code == 0)
        {
            code = exception.SqliteErrorCode & 0xFF;
        }

        return code switch
        {
            SqliteFull => new(StoreUnavailableReason.DiskFull, path,
                $"The disk holding {path} is full: readings cannot be stored until space is freed.", exception),
            SqliteReadOnly => new(StoreUnavailableReason.ReadOnly, path,
                $"The database {path} is read-only (file permissions or a read-only file system).", exception),
            SqliteIoErr => new(StoreUnavailableReason.IoError, path,
                $"An I/O error occurred on {path} (failing SD card or removed disk?): {exception.Message}", exception),
            SqliteCantOpen => new(StoreUnavailableReason.CannotOpen, path,
                $"The database {path} cannot be opened or created: {exception.Message}", exception),
            SqliteCorrupt or SqliteNotADb => new(StoreUnavailableReason.Corrupt, path,
                $"The database {path} is damaged or not a database: {exception.Message}", exception),
            SqliteBusy or SqliteLocked => new(StoreUnavailableReason.Locked, path,
                $"The database {path} is locked by another process.", exception),
            _ => null,
        };
    }

    public static StoreUnavailableException FromFileSystem(Exception exception, string path) => exception switch
    {
        UnauthorizedAccessException => new(StoreUnavailableReason.ReadOnly, path,
            $"The directory of {path} cannot be created or written: {exception.Message}", exception),
        _ => new(StoreUnavailableReason.CannotOpen, path,
            $"The directory of {path} cannot be created: {exception.Message}", exception),
    };
}
