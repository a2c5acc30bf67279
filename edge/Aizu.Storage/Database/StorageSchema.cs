namespace Aizu.Storage;

/// <summary>
/// The reading store's tables, migrated by <see cref="GatewayDatabase"/> like every component of the file.
/// </summary>
internal static class StorageSchema
{
    // Index i upgrades version i to i + 1. Append new steps; never edit a shipped one.
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
        // Version 3: the open chunk's rows in time order rather than series by series, keyed by an integer
        // (ts_ms * 2^20 + series_id) so the table is a rowid b-tree: a commit window's readings of every series are
        // appended to the tail page of one b-tree, and a full tail page splits off a new page without rewriting its
        // neighbours (SQLite's append balance works only for rowid tables). The rows of a commit are the same, the
        // pages it dirties (and writes to the WAL and an SD card) are a third of what they were.
        """
        CREATE TABLE open_reading_by_time(
            ts_key    INTEGER PRIMARY KEY,
            series_id INTEGER NOT NULL REFERENCES series(id),
            ts_ms     INTEGER NOT NULL,
            value     REAL NOT NULL,
            quality   INTEGER NOT NULL);
        INSERT INTO open_reading_by_time(ts_key, series_id, ts_ms, value, quality)
            SELECT (ts_ms << 20) | series_id, series_id, ts_ms, value, quality FROM open_reading ORDER BY ts_ms, series_id;
        DROP TABLE open_reading;
        ALTER TABLE open_reading_by_time RENAME TO open_reading;
        """,
        // Version 4: readings stamped by a clock that ran ahead, moved out of their series when the clock stepped
        // back (see ReadingStore.SetAsideAfterAsync). Not part of any series, rollup or query; erased with the rest.
        """
        CREATE TABLE set_aside_reading(
            series_id       INTEGER NOT NULL,
            ts_ms           INTEGER NOT NULL,
            value           REAL NOT NULL,
            quality         INTEGER NOT NULL,
            set_aside_at_ms INTEGER NOT NULL);
        CREATE INDEX set_aside_by_series ON set_aside_reading(series_id, ts_ms);
        """,
        // Version 5: the minute rollups of a closed hour of a series packed into one block (MinuteBlockCodec) instead of
        // 60 rows of about 40 bytes. Maintenance packs closed hours a round at a time, old ones included, so an existing
        // store keeps its rows until then and both forms are read (MinuteRollups). The key is the hour's index times 2^20
        // plus the series id: a rowid table whose new blocks are appended at its end.
        """
        CREATE TABLE minute_block(
            key  INTEGER PRIMARY KEY,
            crc  INTEGER NOT NULL,
            data BLOB NOT NULL);
        CREATE TABLE quarantine_minute_block(
            key         INTEGER NOT NULL,
            crc         INTEGER NOT NULL,
            data        BLOB NOT NULL,
            reason      TEXT NOT NULL,
            found_at_ms INTEGER NOT NULL);
        """,
    ];

    /// <summary>The reading store's component; files from before <c>schema_migrations</c> kept its version in <c>PRAGMA user_version</c>.</summary>
    public static SchemaComponent Component { get; } = new("storage", Steps) { LegacyUserVersion = true };
}
