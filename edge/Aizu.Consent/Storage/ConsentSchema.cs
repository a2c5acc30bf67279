using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Aizu.Consent;

/// <summary>
/// The consent tables inside the gateway's shared SQLite file. The reading store owns
/// <c>PRAGMA user_version</c> for its own schema, so the consent schema's version lives in its own
/// one-row table <c>consent_schema</c>. Steps only move forward; a file from a newer gateway is refused.
/// </summary>
internal static class ConsentSchema
{
    // Index i upgrades consent_schema.version i to i + 1. Append new steps; never edit a shipped one.
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE consent_event(
            seq        INTEGER PRIMARY KEY,
            time       TEXT NOT NULL,
            type       TEXT NOT NULL,
            consent_id TEXT NOT NULL,
            version    INTEGER NOT NULL,
            grant_json TEXT NOT NULL,
            actor      TEXT NOT NULL,
            prev_hash  TEXT NOT NULL,
            hash       TEXT NOT NULL);
        CREATE INDEX consent_event_by_version ON consent_event(consent_id, version, seq);
        CREATE TABLE consent_receipt(
            receipt_id TEXT PRIMARY KEY,
            seq        INTEGER NOT NULL UNIQUE REFERENCES consent_event(seq),
            consent_id TEXT NOT NULL,
            version    INTEGER NOT NULL,
            jws        TEXT NOT NULL);
        CREATE INDEX consent_receipt_by_consent ON consent_receipt(consent_id, seq);
        CREATE TABLE consent_catalogue(
            sequence    INTEGER PRIMARY KEY,
            received_at TEXT NOT NULL,
            jws         TEXT NOT NULL);
        -- The ledger is append-only for ordinary SQL too. This stops accidents, not an attacker who can
        -- drop the triggers; the hash chain is what detects that (ConsentLedger.VerifyAsync).
        CREATE TRIGGER consent_event_no_update BEFORE UPDATE ON consent_event
            BEGIN SELECT RAISE(ABORT, 'consent_event is append-only'); END;
        CREATE TRIGGER consent_event_no_delete BEFORE DELETE ON consent_event
            BEGIN SELECT RAISE(ABORT, 'consent_event is append-only'); END;
        CREATE TRIGGER consent_receipt_no_update BEFORE UPDATE ON consent_receipt
            BEGIN SELECT RAISE(ABORT, 'consent_receipt is append-only'); END;
        CREATE TRIGGER consent_receipt_no_delete BEFORE DELETE ON consent_receipt
            BEGIN SELECT RAISE(ABORT, 'consent_receipt is append-only'); END;
        """,
        """
        -- The household's signed re-confirmations of its grants after the ledger was found inconsistent
        -- (ConsentIntegrity): each freezes the ledger up to head_seq as the household accepted it.
        CREATE TABLE consent_reconfirmation(
            id       INTEGER PRIMARY KEY AUTOINCREMENT,
            at       TEXT NOT NULL,
            head_seq INTEGER NOT NULL,
            jws      TEXT NOT NULL);
        CREATE TRIGGER consent_reconfirmation_no_update BEFORE UPDATE ON consent_reconfirmation
            BEGIN SELECT RAISE(ABORT, 'consent_reconfirmation is append-only'); END;
        CREATE TRIGGER consent_reconfirmation_no_delete BEFORE DELETE ON consent_reconfirmation
            BEGIN SELECT RAISE(ABORT, 'consent_reconfirmation is append-only'); END;
        """,
    ];

    public static int LatestVersion => Steps.Length;

    /// <summary>Brings the consent tables to <see cref="LatestVersion"/>; returns the version found.</summary>
    public static int Migrate(SqliteConnection connection, string path)
    {
        // IMMEDIATE: a gateway and an `aizu consent` command starting together must not both migrate.
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS consent_schema(id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);");
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM consent_schema WHERE id = 1;";
        var found = read.ExecuteScalar() is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
        if (found > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The consent tables in {path} have schema version {found}, newer than this gateway understands ({LatestVersion}); update the gateway.");
        }

        for (var version = found; version < LatestVersion; version++)
        {
            Execute(connection, transaction, Steps[version]);
        }

        if (found != LatestVersion)
        {
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture,
                $"INSERT INTO consent_schema(id, version) VALUES (1, {LatestVersion}) ON CONFLICT(id) DO UPDATE SET version = excluded.version;"));
        }

        // Steps and version commit together: a power cut mid-migration leaves the previous version.
        transaction.Commit();
        return found;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
