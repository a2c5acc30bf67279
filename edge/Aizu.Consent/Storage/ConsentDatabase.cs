using Microsoft.Data.Sqlite;

namespace Aizu.Consent;

/// <summary>
/// Opens connections to the shared gateway file for the consent tables: WAL (readers never wait for
/// the reading store's writes) and <c>synchronous=FULL</c> (a recorded decision survives a power
/// cut). Each operation uses its own short-lived connection, because decisions are rare and the
/// <c>aizu consent</c> command writes to the same file from another process.
/// </summary>
internal sealed class ConsentDatabase
{
    private readonly string connectionString;
    private readonly Lock schemaGate = new();
    private bool schemaReady;

    public ConsentDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens a connection with the pragmas set and the consent schema in place.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            Execute(connection, "PRAGMA synchronous = FULL;");
            Execute(connection, "PRAGMA foreign_keys = ON;");
            lock (schemaGate)
            {
                if (!schemaReady)
                {
                    // journal_mode is a property of the file; setting it again is a no-op.
                    Execute(connection, "PRAGMA journal_mode = WAL;");
                    ConsentSchema.Migrate(connection, Path);
                    schemaReady = true;
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
