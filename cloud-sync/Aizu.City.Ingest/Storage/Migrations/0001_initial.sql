-- The city ingest's store. Every aggregate belongs to one data set (purpose, pseudonym); nothing here
-- names a gateway. Times are timestamptz (UTC on the wire).

-- Consent registry: every grant a consent state ever listed, with when it was listed and when it
-- stopped being listed (withdrawal, expiry or revocation). The scope is the consent topic's opaque key.
CREATE TABLE consent_scope (
    scope            text        PRIMARY KEY,
    last_state_at    timestamptz NOT NULL,
    received_at      timestamptz NOT NULL
);

CREATE TABLE consent_grant (
    scope            text        NOT NULL,
    consent_ref      text        NOT NULL,
    purpose          text        NOT NULL,
    category         text        NOT NULL,
    granularity      text        NOT NULL,
    recipient        text        NOT NULL,
    valid_from       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    retention        text        NOT NULL,
    listed_from      timestamptz NOT NULL,
    ended_at         timestamptz,
    PRIMARY KEY (scope, consent_ref)
);
CREATE INDEX consent_grant_ref ON consent_grant (consent_ref);

-- Aggregates, partitioned by window start (one partition a month, made on demand). The primary key
-- carries the partition key as PostgreSQL requires; a re-send repeats the window, so (window_start,
-- message_id) de-duplicates exactly as the message id alone would.
CREATE TABLE aggregate (
    message_id       text             NOT NULL,
    purpose          text             NOT NULL,
    pseudonym        text             NOT NULL,
    category         text             NOT NULL,
    window_start     timestamptz      NOT NULL,
    window_end       timestamptz      NOT NULL,
    aggregation      text             NOT NULL,
    value_wh         double precision NOT NULL,
    consent_ref      text             NOT NULL,
    received_at      timestamptz      NOT NULL,
    retain_until     timestamptz      NOT NULL,
    PRIMARY KEY (window_start, message_id)
) PARTITION BY RANGE (window_start);
CREATE INDEX aggregate_data_set ON aggregate (purpose, pseudonym, category);
CREATE INDEX aggregate_retain_until ON aggregate (retain_until);

-- Append-only record of every deletion: on a household's request (one row per data set named) and by
-- the retention job (one row per purpose and run). Rows are never changed or removed.
CREATE TABLE deletion_log (
    seq              bigserial   PRIMARY KEY,
    reason           text        NOT NULL CHECK (reason IN ('withdrawal', 'retention')),
    request_id       text        NOT NULL,
    purpose          text        NOT NULL,
    pseudonym        text        NOT NULL,
    category         text        NOT NULL,
    consent_ref      text        NOT NULL,
    requested_at     timestamptz NOT NULL,
    deleted_at       timestamptz NOT NULL,
    rows_deleted     bigint      NOT NULL,
    UNIQUE (request_id, pseudonym, category)
);
CREATE INDEX deletion_log_data_set ON deletion_log (purpose, pseudonym, category) WHERE reason = 'withdrawal';

CREATE FUNCTION deletion_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'deletion_log is append-only';
END
$$;
CREATE TRIGGER deletion_log_no_update BEFORE UPDATE OR DELETE ON deletion_log
    FOR EACH ROW EXECUTE FUNCTION deletion_log_is_append_only();
CREATE TRIGGER deletion_log_no_truncate BEFORE TRUNCATE ON deletion_log
    FOR EACH STATEMENT EXECUTE FUNCTION deletion_log_is_append_only();

-- Signed deletion confirmations waiting to be published (written in the deletion's transaction, so a
-- crash between commit and publish only delays the confirmation).
CREATE TABLE confirmation_outbox (
    request_id       text        NOT NULL,
    pseudonym        text        NOT NULL,
    category         text        NOT NULL,
    topic            text        NOT NULL,
    payload          bytea       NOT NULL,
    created_at       timestamptz NOT NULL,
    published_at     timestamptz,
    PRIMARY KEY (request_id, pseudonym, category)
);
CREATE INDEX confirmation_outbox_pending ON confirmation_outbox (created_at) WHERE published_at IS NULL;
