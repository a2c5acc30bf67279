-- Alert acknowledgements ("I'm safe", schema aizu.alert-ack/1 on a data topic of category alert.ack):
-- which alert, the window the answer was given in, never the exact time. Few rows, so not partitioned;
-- deleted on withdrawal and by retention like the aggregates.
CREATE TABLE alert_ack (
    message_id   text        PRIMARY KEY,
    purpose      text        NOT NULL,
    pseudonym    text        NOT NULL,
    category     text        NOT NULL,
    alert_ref    text        NOT NULL,
    window_start timestamptz NOT NULL,
    window_end   timestamptz NOT NULL,
    aggregation  text        NOT NULL,
    consent_ref  text        NOT NULL,
    district     text,
    received_at  timestamptz NOT NULL,
    retain_until timestamptz NOT NULL
);
CREATE INDEX alert_ack_data_set ON alert_ack (purpose, pseudonym, category);
CREATE INDEX alert_ack_retain_until ON alert_ack (retain_until);
