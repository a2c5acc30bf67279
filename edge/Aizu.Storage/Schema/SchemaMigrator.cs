using Microsoft.Data.Sqlite;

namespace Aizu.Storage;

/// <summary>
/// Brings a database file to the schema this build knows, recording progress in
/// <c>PRAGMA user_version</c>. Steps only ever move forward: a gateway that is rolled back refuses a
/// file from its future rather than guessing at it.
/// </summary>
internal static class SchemaMigrator
{
    // Index i upgrades user_version i to i + 1. Append new steps; never edit a shipped one.
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE series(
            id   INTEGER PRIMARY KEY,
            name TEXT UNIQUE NOT NULL,
            unit TEXT NOT NULL);
        CREATE TABLE reading(
            series_id INTEGER NOT NULL REFERENCES series(id),
            ts_ms     INTEGER NOT NULL,
            value     REAL NOT NULL,
            quality   INTEGER NOT NULL,
            PRIMARY KEY(series_id, ts_ms)) WITHOUT ROWID;
        """,
    ];

    public static int LatestVersion => Steps.Length;

    /// <summary>Returns the version found before migrating.</summary>
    public static int Migrate(SqliteConnection connection, string path)
    {
        var found = ReadVersion(connection);
        if (found > LatestVersion)
        {
            throw new StoreUnavailableException(StoreUnavailableReason.NewerSchema, path,
                $"The database {path} has schema version {found}, newer than this gateway understands ({LatestVersion}); update the gateway or move the file aside.");
        }

        for (var version = found; version < LatestVersion; version++)
        {
            // Each step commits together with its version number, so a power cut mid-migration
            // leaves the file at the previous version and the step simply runs again.
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Steps[version] + $"\nPRAGMA user_version = {version + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }

        return found;
    }

    private static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
