namespace Aizu.Consent;

/// <summary>
/// The consent tables inside the gateway's shared SQLite file, migrated by <see cref="GatewayDatabase"/>
/// under the component name <c>consent</c> like every component of the file.
/// </summary>
internal static class ConsentSchema
{
    // Index i upgrades version i to i + 1. Append new steps; never edit a shipped one.
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

    /// <summary>The consent component; files from before <c>schema_migrations</c> kept its version in <c>consent_schema</c>.</summary>
    public static SchemaComponent Component { get; } = new("consent", Steps) { LegacyVersionTable = "consent_schema" };
}
