namespace Aizu.Egress;

/// <summary>
/// The egress tables in the gateway's SQLite file, migrated by <see cref="GatewayDatabase"/> under the
/// component name <c>egress</c> like every component of the file; they are all named <c>egress_*</c>.
/// </summary>
internal static class EgressSchema
{
    // Index i upgrades version i to i + 1. Append new steps; never edit a shipped one.
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE egress_outbox(
            seq              INTEGER PRIMARY KEY AUTOINCREMENT,
            msg_id           TEXT NOT NULL UNIQUE,
            kind             INTEGER NOT NULL,
            topic            TEXT NOT NULL,
            payload          BLOB NOT NULL,
            content_type     TEXT NOT NULL,
            user_properties  TEXT NOT NULL,
            retain           INTEGER NOT NULL,
            consent_ref      TEXT,
            consent_id       TEXT,
            consent_version  INTEGER,
            category         TEXT,
            granularity      TEXT,
            purpose          TEXT,
            recipient        TEXT,
            created_ms       INTEGER NOT NULL,
            state            INTEGER NOT NULL,
            attempts         INTEGER NOT NULL DEFAULT 0,
            next_attempt_ms  INTEGER NOT NULL,
            last_reason_code INTEGER,
            last_reason      TEXT,
            finished_ms      INTEGER);
        CREATE INDEX egress_outbox_by_state ON egress_outbox(state, seq);
        CREATE INDEX egress_outbox_by_consent ON egress_outbox(consent_id, state);
        CREATE TABLE egress_release(
            consent_id      TEXT NOT NULL,
            window_start_ms INTEGER NOT NULL,
            window_end_ms   INTEGER NOT NULL,
            consent_version INTEGER NOT NULL,
            category        TEXT NOT NULL,
            granularity     TEXT NOT NULL,
            purpose         TEXT NOT NULL,
            recipient       TEXT NOT NULL,
            decided_ms      INTEGER NOT NULL,
            outcome         INTEGER NOT NULL,
            detail          TEXT NOT NULL,
            msg_id          TEXT,
            pseudonym       TEXT,
            PRIMARY KEY(consent_id, window_start_ms)) WITHOUT ROWID;
        CREATE TABLE egress_log(
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            msg_id          TEXT NOT NULL,
            attempt         INTEGER NOT NULL,
            at_ms           INTEGER NOT NULL,
            kind            INTEGER NOT NULL,
            topic           TEXT NOT NULL,
            payload         BLOB NOT NULL,
            content_type    TEXT NOT NULL,
            user_properties TEXT NOT NULL,
            retain          INTEGER NOT NULL,
            consent_ref     TEXT,
            consent_id      TEXT,
            reason_code     INTEGER,
            reason          TEXT,
            delivered       INTEGER NOT NULL);
        CREATE INDEX egress_log_by_time ON egress_log(at_ms);
        CREATE TABLE egress_state(
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID;
        """,
        """
        CREATE TABLE egress_ack(
            consent_id      TEXT NOT NULL,
            alert_ref       TEXT NOT NULL,
            consent_version INTEGER NOT NULL,
            acknowledged_ms INTEGER NOT NULL,
            decided_ms      INTEGER NOT NULL,
            msg_id          TEXT NOT NULL,
            pseudonym       TEXT NOT NULL,
            PRIMARY KEY(consent_id, alert_ref)) WITHOUT ROWID;
        CREATE INDEX egress_outbox_by_finish ON egress_outbox(state, finished_ms);
        """,
        """
        -- The seal of each outbox row (OutboxSeal): rows from before it have none and are quarantined.
        ALTER TABLE egress_outbox ADD COLUMN mac BLOB;
        -- The egress log's hash chain (EgressLog.VerifyAsync): rows from before it are reported as unchained.
        ALTER TABLE egress_log ADD COLUMN prev_hash TEXT;
        ALTER TABLE egress_log ADD COLUMN hash TEXT;
        """,
        """
        -- The data sets (purpose x recipient x pseudonym period) the gateway has published under, so the
        -- household's own log can map every pseudonym back, the consent state is kept per data set, and data
        -- waits until its data set's state listing its reference was delivered (delivered_refs).
        CREATE TABLE egress_dataset(
            pseudonym      TEXT PRIMARY KEY,
            purpose        TEXT NOT NULL,
            recipient      TEXT NOT NULL,
            period         TEXT NOT NULL,
            start_ms       INTEGER NOT NULL,
            end_ms         INTEGER NOT NULL,
            published      TEXT,
            delivered_refs TEXT) WITHOUT ROWID;
        -- 1 while a data row waits for its data set's consent state to be delivered.
        ALTER TABLE egress_outbox ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
        """,
        """
        -- The recipients' signed confirmations that they deleted what a deletion request named
        -- (DeletionConfirmations): one per request, kept with the JWS as the household's proof.
        CREATE TABLE egress_deletion_confirmation(
            request_id   TEXT PRIMARY KEY,
            consent_ref  TEXT NOT NULL,
            consent_id   TEXT NOT NULL,
            purpose      TEXT NOT NULL,
            category     TEXT NOT NULL,
            pseudonym    TEXT NOT NULL,
            recipient    TEXT NOT NULL,
            rows_deleted INTEGER NOT NULL,
            confirmed_ms INTEGER NOT NULL,
            received_ms  INTEGER NOT NULL,
            jws          TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX egress_deletion_confirmation_by_consent ON egress_deletion_confirmation(consent_id);
        """,
    ];

    /// <summary>The egress component; files from before <c>schema_migrations</c> kept its version in <c>egress_schema</c>.</summary>
    public static SchemaComponent Component { get; } = new("egress", Steps) { LegacyVersionTable = "egress_schema" };
}
