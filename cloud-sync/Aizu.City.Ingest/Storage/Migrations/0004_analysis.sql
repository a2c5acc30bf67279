-- The analyst side (cloud-sync/Aizu.City.Analysis, docs/city.md "The analyst's guide"): analysts with hashed
-- tokens and their purposes, the release rules and privacy budget per purpose, the append-only query audit, what
-- each analyst holds per cell (for the rules across queries) and the ε spent per purpose and series.
CREATE TABLE analyst (
    analyst_id   bigserial   PRIMARY KEY,
    name         text        NOT NULL UNIQUE,
    token_sha256 bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL
);

CREATE TABLE analyst_purpose (
    analyst_id   bigint      NOT NULL REFERENCES analyst,
    purpose      text        NOT NULL,
    PRIMARY KEY (analyst_id, purpose)
);

-- Missing row: the analyst preset (15 households, 15 %), no published series.
CREATE TABLE analysis_purpose (
    purpose        text    PRIMARY KEY,
    min_households integer NOT NULL CHECK (min_households >= 2),
    max_share      numeric NOT NULL CHECK (max_share > 0 AND max_share < 1),
    epsilon_budget numeric NOT NULL CHECK (epsilon_budget >= 0),
    clip_wh        bigint  NOT NULL CHECK (clip_wh >= 1)
);

CREATE TABLE query_audit (
    seq          bigserial   PRIMARY KEY,
    at           timestamptz NOT NULL,
    analyst_id   bigint      NOT NULL REFERENCES analyst,
    purpose      text        NOT NULL,
    request      text        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('released', 'refused')),
    reason       text,
    epsilon      numeric,
    released     jsonb       NOT NULL
);
CREATE INDEX query_audit_analyst ON query_audit (analyst_id, seq);

CREATE FUNCTION query_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'query_audit is append-only';
END
$$;
CREATE TRIGGER query_audit_no_update BEFORE UPDATE OR DELETE ON query_audit
    FOR EACH ROW EXECUTE FUNCTION query_audit_is_append_only();
CREATE TRIGGER query_audit_no_truncate BEFORE TRUNCATE ON query_audit
    FOR EACH STATEMENT EXECUTE FUNCTION query_audit_is_append_only();

-- What an analyst holds per cell key: the latest answer (a released value stays known even when later withheld).
-- Derived from the audit in the same transaction; the audit is the record.
CREATE TABLE analyst_cell (
    analyst_id   bigint  NOT NULL REFERENCES analyst,
    purpose      text    NOT NULL,
    area         text    NOT NULL,
    from_day     date    NOT NULL,
    to_day       date    NOT NULL,
    hour         integer NOT NULL,  -- -1: all hours
    released     boolean NOT NULL,
    energy_wh    numeric,
    households   integer,
    audit_seq    bigint  NOT NULL,
    PRIMARY KEY (analyst_id, purpose, area, from_day, to_day, hour)
);

CREATE TABLE privacy_spend (
    seq          bigserial   PRIMARY KEY,
    purpose      text        NOT NULL,
    series       text        NOT NULL,
    epsilon      numeric     NOT NULL CHECK (epsilon > 0),
    analyst_id   bigint      NOT NULL REFERENCES analyst,
    at           timestamptz NOT NULL
);
CREATE INDEX privacy_spend_series ON privacy_spend (purpose, series);
