-- Summaries the analyst tables read instead of every window (docs/city.md, "How a table is computed";
-- docs/performance.md, "Analyst API latency"). Triggers on `aggregate` keep them exact in the same transaction as the
-- windows: an insert adds (one statement per ingest batch, from its transition table), a delete (withdrawal,
-- retention) recomputes the household-days it touched from what is left. Dropping or detaching a partition of
-- `aggregate` bypasses the triggers: run `SELECT analysis_summary_rebuild()` afterwards.

-- The city's offset from UTC that local days are counted in; the analyst host sets it from its configuration at
-- start and rebuilds the summaries when it changed.
CREATE TABLE analysis_calendar (
    only_row     boolean  PRIMARY KEY DEFAULT true CHECK (only_row),
    utc_offset   interval NOT NULL
);
INSERT INTO analysis_calendar (utc_offset) VALUES (interval '9 hours');

-- Per purpose a number that grows with every change of its windows: the analyst host caches district cells under it.
CREATE TABLE analysis_data_version (
    purpose      text   PRIMARY KEY,
    version      bigint NOT NULL
);

-- One household's energy on one local day in one district ('' when it shared none), with the consent references
-- its windows were accepted under.
CREATE TABLE household_day (
    purpose      text    NOT NULL,
    category     text    NOT NULL,
    aggregation  text    NOT NULL,
    district     text    NOT NULL,
    day          date    NOT NULL,
    pseudonym    text    NOT NULL,
    energy_wh    numeric NOT NULL,
    windows      integer NOT NULL,
    consent_refs text[]  NOT NULL,
    PRIMARY KEY (purpose, category, aggregation, day, district, pseudonym)
);

-- The same per local month (`month` is the month's first day): a range's totals read these for its whole months.
CREATE TABLE household_month (
    purpose      text    NOT NULL,
    category     text    NOT NULL,
    aggregation  text    NOT NULL,
    district     text    NOT NULL,
    month        date    NOT NULL,
    pseudonym    text    NOT NULL,
    energy_wh    numeric NOT NULL,
    windows      integer NOT NULL,
    consent_refs text[]  NOT NULL,
    PRIMARY KEY (purpose, category, aggregation, month, district, pseudonym)
);

-- One district's local day: what the release rules need of a day cell (households, energy, the largest household).
CREATE TABLE district_day (
    purpose      text    NOT NULL,
    category     text    NOT NULL,
    aggregation  text    NOT NULL,
    district     text    NOT NULL,
    day          date    NOT NULL,
    households   integer NOT NULL,
    energy_wh    numeric NOT NULL,
    largest_wh   numeric NOT NULL,
    PRIMARY KEY (purpose, category, aggregation, day, district)
);

-- A set of consent references stored once, named by its digest (SHA-256 over the sorted references, one a line):
-- an audit entry names the sets its cells rest on by digest, so it does not grow with the households.
CREATE TABLE consent_snapshot (
    digest       text    PRIMARY KEY,
    consent_refs text[]  NOT NULL
);

-- What an analyst holds per cell key, one row per table given (the cells as arrays, areas by index into `areas`;
-- hour -1: all hours); the host folds them in order (a released value stays known when later withheld) and, past a
-- few rows, writes the fold as one row. Replaces `analyst_cell` (a row per cell: 19 000 rows a year's daily table).
CREATE TABLE analyst_release (
    analyst_id   bigint     NOT NULL REFERENCES analyst,
    purpose      text       NOT NULL,
    audit_seq    bigint     NOT NULL,
    areas        text[]     NOT NULL,
    cell_area    integer[]  NOT NULL,
    from_days    date[]     NOT NULL,
    to_days      date[]     NOT NULL,
    hours        integer[]  NOT NULL,
    released     boolean[]  NOT NULL,
    energy_wh    numeric[]  NOT NULL,
    households   integer[]  NOT NULL,
    PRIMARY KEY (analyst_id, purpose, audit_seq)
);
-- Rewritten often and read whole: stored uncompressed.
ALTER TABLE analyst_release ALTER COLUMN areas SET STORAGE EXTERNAL, ALTER COLUMN cell_area SET STORAGE EXTERNAL,
    ALTER COLUMN from_days SET STORAGE EXTERNAL, ALTER COLUMN to_days SET STORAGE EXTERNAL, ALTER COLUMN hours SET STORAGE EXTERNAL,
    ALTER COLUMN released SET STORAGE EXTERNAL, ALTER COLUMN energy_wh SET STORAGE EXTERNAL, ALTER COLUMN households SET STORAGE EXTERNAL;
INSERT INTO analyst_release (analyst_id, purpose, audit_seq, areas, cell_area, from_days, to_days, hours, released, energy_wh, households)
SELECT analyst_id, purpose, max(audit_seq), array_agg(area ORDER BY n), array_agg(n - 1 ORDER BY n), array_agg(from_day ORDER BY n),
       array_agg(to_day ORDER BY n), array_agg(hour ORDER BY n), array_agg(released ORDER BY n), array_agg(energy_wh ORDER BY n),
       array_agg(households ORDER BY n)
FROM (SELECT *, (row_number() OVER (PARTITION BY analyst_id, purpose))::integer AS n FROM analyst_cell) c
GROUP BY analyst_id, purpose;
DROP TABLE analyst_cell;

-- The audit is written on every request and read rarely: stored as text (json), it is checked but not converted
-- (a year's daily table is some 400 KiB of cells). The operators of jsonb still apply through ::jsonb.
ALTER TABLE query_audit ALTER COLUMN released TYPE json USING released::json;
ALTER TABLE query_audit ALTER COLUMN released SET COMPRESSION lz4;

CREATE FUNCTION consent_snapshot_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_snapshot is append-only';
END
$$;
CREATE TRIGGER consent_snapshot_no_update BEFORE UPDATE OR DELETE ON consent_snapshot
    FOR EACH ROW EXECUTE FUNCTION consent_snapshot_is_append_only();
CREATE TRIGGER consent_snapshot_no_truncate BEFORE TRUNCATE ON consent_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION consent_snapshot_is_append_only();

-- Versions first, in purpose order: concurrent batches of one purpose then queue there instead of deadlocking on
-- the summary rows.
CREATE FUNCTION analysis_data_changed(purposes text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO analysis_data_version AS v (purpose, version)
    SELECT DISTINCT p, 1 FROM unnest(purposes) AS p ORDER BY p
    ON CONFLICT (purpose) DO UPDATE SET version = v.version + 1;
$$;

CREATE FUNCTION analysis_local_day(window_start timestamptz, local_offset interval) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((window_start AT TIME ZONE 'UTC') + local_offset)::date $$;

CREATE FUNCTION analysis_summary_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    local_offset interval := (SELECT utc_offset FROM analysis_calendar);
BEGIN
    PERFORM analysis_data_changed(ARRAY(SELECT DISTINCT purpose FROM added));

    WITH days AS (
        SELECT purpose, category, aggregation, coalesce(district, '') AS district, analysis_local_day(window_start, local_offset) AS day,
               pseudonym, sum(value_wh::numeric) AS energy_wh, count(*)::integer AS windows,
               array_agg(DISTINCT consent_ref ORDER BY consent_ref) AS consent_refs
        FROM added GROUP BY 1, 2, 3, 4, 5, 6),
    households AS (
        INSERT INTO household_day AS h (purpose, category, aggregation, district, day, pseudonym, energy_wh, windows, consent_refs)
        SELECT * FROM days ORDER BY purpose, category, aggregation, district, day, pseudonym
        ON CONFLICT (purpose, category, aggregation, district, day, pseudonym) DO UPDATE
            SET energy_wh = h.energy_wh + excluded.energy_wh, windows = h.windows + excluded.windows,
                consent_refs = ARRAY(SELECT DISTINCT r FROM unnest(h.consent_refs || excluded.consent_refs) AS r ORDER BY r)
        RETURNING h.purpose, h.category, h.aggregation, h.district, h.day, h.pseudonym, h.energy_wh, h.windows)
    -- A household is new in its district-day when all its windows there are this statement's.
    INSERT INTO district_day AS d (purpose, category, aggregation, district, day, households, energy_wh, largest_wh)
    SELECT h.purpose, h.category, h.aggregation, h.district, h.day, count(*) FILTER (WHERE h.windows = a.windows), sum(a.energy_wh), max(h.energy_wh)
    FROM households h JOIN days a USING (purpose, category, aggregation, district, day, pseudonym)
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 5, 4
    ON CONFLICT (purpose, category, aggregation, day, district) DO UPDATE
        SET households = d.households + excluded.households, energy_wh = d.energy_wh + excluded.energy_wh,
            largest_wh = greatest(d.largest_wh, excluded.largest_wh);

    INSERT INTO household_month AS m (purpose, category, aggregation, district, month, pseudonym, energy_wh, windows, consent_refs)
    SELECT purpose, category, aggregation, coalesce(district, ''), date_trunc('month', analysis_local_day(window_start, local_offset))::date,
           pseudonym, sum(value_wh::numeric), count(*)::integer, array_agg(DISTINCT consent_ref ORDER BY consent_ref)
    FROM added GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 5, 4, 6
    ON CONFLICT (purpose, category, aggregation, month, district, pseudonym) DO UPDATE
        SET energy_wh = m.energy_wh + excluded.energy_wh, windows = m.windows + excluded.windows,
            consent_refs = ARRAY(SELECT DISTINCT r FROM unnest(m.consent_refs || excluded.consent_refs) AS r ORDER BY r);
    RETURN NULL;
END
$$;

-- Deletes are rare and may leave part of a household-day (retention by window): what they touched is recomputed
-- from the windows that are left.
CREATE FUNCTION analysis_summary_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    local_offset interval := (SELECT utc_offset FROM analysis_calendar);
BEGIN
    PERFORM analysis_data_changed(ARRAY(SELECT DISTINCT purpose FROM removed));

    CREATE TEMP TABLE analysis_touched ON COMMIT DROP AS
        SELECT DISTINCT purpose, category, aggregation, coalesce(district, '') AS district,
               analysis_local_day(window_start, local_offset) AS day, pseudonym
        FROM removed;

    DELETE FROM household_day h USING analysis_touched t
    WHERE (h.purpose, h.category, h.aggregation, h.district, h.day, h.pseudonym) = (t.purpose, t.category, t.aggregation, t.district, t.day, t.pseudonym);
    INSERT INTO household_day (purpose, category, aggregation, district, day, pseudonym, energy_wh, windows, consent_refs)
    SELECT t.purpose, t.category, t.aggregation, t.district, t.day, t.pseudonym, sum(a.value_wh::numeric), count(*)::integer,
           array_agg(DISTINCT a.consent_ref ORDER BY a.consent_ref)
    FROM analysis_touched t
    JOIN aggregate a ON a.purpose = t.purpose AND a.pseudonym = t.pseudonym AND a.category = t.category AND a.aggregation = t.aggregation
        AND coalesce(a.district, '') = t.district
        AND a.window_start >= (t.day - local_offset)::timestamp AT TIME ZONE 'UTC'
        AND a.window_start < (t.day + 1 - local_offset)::timestamp AT TIME ZONE 'UTC'
    GROUP BY 1, 2, 3, 4, 5, 6;

    DELETE FROM district_day d USING (SELECT DISTINCT purpose, category, aggregation, district, day FROM analysis_touched) t
    WHERE (d.purpose, d.category, d.aggregation, d.district, d.day) = (t.purpose, t.category, t.aggregation, t.district, t.day);
    INSERT INTO district_day (purpose, category, aggregation, district, day, households, energy_wh, largest_wh)
    SELECT h.purpose, h.category, h.aggregation, h.district, h.day, count(*)::integer, sum(h.energy_wh), max(h.energy_wh)
    FROM household_day h JOIN (SELECT DISTINCT purpose, category, aggregation, district, day FROM analysis_touched) t
        USING (purpose, category, aggregation, district, day)
    GROUP BY 1, 2, 3, 4, 5;

    DELETE FROM household_month m USING (SELECT DISTINCT purpose, category, aggregation, district, date_trunc('month', day)::date AS month, pseudonym FROM analysis_touched) t
    WHERE (m.purpose, m.category, m.aggregation, m.district, m.month, m.pseudonym) = (t.purpose, t.category, t.aggregation, t.district, t.month, t.pseudonym);
    INSERT INTO household_month (purpose, category, aggregation, district, month, pseudonym, energy_wh, windows, consent_refs)
    SELECT t.purpose, t.category, t.aggregation, t.district, t.month, t.pseudonym, sum(a.value_wh::numeric), count(*)::integer,
           array_agg(DISTINCT a.consent_ref ORDER BY a.consent_ref)
    FROM (SELECT DISTINCT purpose, category, aggregation, district, date_trunc('month', day)::date AS month, pseudonym FROM analysis_touched) t
    JOIN aggregate a ON a.purpose = t.purpose AND a.pseudonym = t.pseudonym AND a.category = t.category AND a.aggregation = t.aggregation
        AND coalesce(a.district, '') = t.district
        AND a.window_start >= (t.month - local_offset)::timestamp AT TIME ZONE 'UTC'
        AND a.window_start < ((t.month + interval '1 month') - local_offset)::timestamp AT TIME ZONE 'UTC'
    GROUP BY 1, 2, 3, 4, 5, 6;

    DROP TABLE analysis_touched;
    RETURN NULL;
END
$$;

-- Everything again from `aggregate` (after a change of the calendar, or of partitions behind the triggers' back).
CREATE FUNCTION analysis_summary_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    local_offset interval := (SELECT utc_offset FROM analysis_calendar);
BEGIN
    PERFORM analysis_data_changed(ARRAY(SELECT DISTINCT purpose FROM household_day UNION SELECT DISTINCT purpose FROM aggregate));
    TRUNCATE household_day, household_month, district_day;
    INSERT INTO household_day (purpose, category, aggregation, district, day, pseudonym, energy_wh, windows, consent_refs)
    SELECT purpose, category, aggregation, coalesce(district, ''), analysis_local_day(window_start, local_offset), pseudonym,
           sum(value_wh::numeric), count(*)::integer, array_agg(DISTINCT consent_ref ORDER BY consent_ref)
    FROM aggregate GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO district_day (purpose, category, aggregation, district, day, households, energy_wh, largest_wh)
    SELECT purpose, category, aggregation, district, day, count(*)::integer, sum(energy_wh), max(energy_wh)
    FROM household_day GROUP BY 1, 2, 3, 4, 5;
    INSERT INTO household_month (purpose, category, aggregation, district, month, pseudonym, energy_wh, windows, consent_refs)
    SELECT purpose, category, aggregation, coalesce(district, ''), date_trunc('month', analysis_local_day(window_start, local_offset))::date, pseudonym,
           sum(value_wh::numeric), count(*)::integer, array_agg(DISTINCT consent_ref ORDER BY consent_ref)
    FROM aggregate GROUP BY 1, 2, 3, 4, 5, 6;
END
$$;

CREATE FUNCTION analysis_summary_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM analysis_summary_rebuild();
    RETURN NULL;
END
$$;

CREATE TRIGGER aggregate_summary_insert AFTER INSERT ON aggregate
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION analysis_summary_added();
CREATE TRIGGER aggregate_summary_delete AFTER DELETE ON aggregate
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION analysis_summary_removed();
CREATE TRIGGER aggregate_summary_truncate AFTER TRUNCATE ON aggregate
    FOR EACH STATEMENT EXECUTE FUNCTION analysis_summary_truncated();

SELECT analysis_summary_rebuild();
