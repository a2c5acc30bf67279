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
        // Version 2: compressed chunks, the open chunk's rows, late rows, rollups, quarantine. The
        // version 1 rows move to legacy_reading, which ReadingStore converts into chunks and rollups
        // in bounded transactions after opening (that needs the codec, not just SQL) and then drops.
        """
        ALTER TABLE reading RENAME TO legacy_reading;
        ALTER TABLE series ADD COLUMN raw_from_ms INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE chunk(
            id        INTEGER PRIMARY KEY,
            series_id INTEGER NOT NULL REFERENCES series(id),
            start_ms  INTEGER NOT NULL,
            end_ms    INTEGER NOT NULL,
            count     INTEGER NOT NULL,
            crc       INTEGER NOT NULL,
            data      BLOB NOT NULL);
        CREATE UNIQUE INDEX chunk_by_series ON chunk(series_id, start_ms);
        CREATE INDEX chunk_by_end ON chunk(end_ms);
        CREATE TABLE open_reading(
            series_id INTEGER NOT NULL REFERENCES series(id),
            ts_ms     INTEGER NOT NULL,
            value     REAL NOT NULL,
            quality   INTEGER NOT NULL,
            PRIMARY KEY(series_id, ts_ms)) WITHOUT ROWID;
        CREATE TABLE late_reading(
            series_id INTEGER NOT NULL REFERENCES series(id),
            ts_ms     INTEGER NOT NULL,
            value     REAL NOT NULL,
            quality   INTEGER NOT NULL,
            replaces  INTEGER NOT NULL,
            PRIMARY KEY(series_id, ts_ms)) WITHOUT ROWID;
        CREATE TABLE rollup(
            series_id INTEGER NOT NULL REFERENCES series(id),
            level     INTEGER NOT NULL,
            start_ms  INTEGER NOT NULL,
            count     INTEGER NOT NULL,
            sum       REAL NOT NULL,
            min       REAL,
            max       REAL,
            energy    REAL,
            PRIMARY KEY(series_id, level, start_ms)) WITHOUT ROWID;
        CREATE TABLE quarantine_chunk(
            id          INTEGER PRIMARY KEY,
            series_id   INTEGER NOT NULL,
            start_ms    INTEGER NOT NULL,
            end_ms      INTEGER NOT NULL,
            count       INTEGER NOT NULL,
            crc         INTEGER NOT NULL,
            data        BLOB NOT NULL,
            reason      TEXT NOT NULL,
            found_at_ms INTEGER NOT NULL);
        CREATE TABLE store_meta(
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID;
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
