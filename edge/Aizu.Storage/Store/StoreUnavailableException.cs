namespace Aizu.Storage;

/// <summary>
/// The store cannot be used because of its environment (disk full, read-only, I/O error), not because
/// of the caller's data. Callers keep their readings and try again later; the database file itself is
/// left as it was before the failed operation.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StoreUnavailableException()
        : this("The reading store is unavailable.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a known <paramref name="reason"/>.</summary>
    public StoreUnavailableException(StoreUnavailableReason reason, string databasePath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
        DatabasePath = databasePath;
    }

    /// <summary>
    /// The fault of the environment a SQLite error on <paramref name="databasePath"/> stands for (disk full, read-only,
    /// I/O error, damaged, locked by another process), or null for anything else: a bug keeps its own exception.
    /// </summary>
    public static StoreUnavailableException? FromSqlite(Microsoft.Data.Sqlite.SqliteException exception, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return SqliteFailures.TryTranslate(exception, databasePath);
    }

    /// <summary>What went wrong, when known.</summary>
    public StoreUnavailableReason? Reason { get; }

    /// <summary>The database file concerned, when known.</summary>
    public string? DatabasePath { get; }
}
