-- Editing plans: a version per initiative and plan year for optimistic
-- concurrency (a save names the version it started from; a stale one is a
-- conflict, never a silent overwrite), and the dated status reports of an
-- initiative, kept as history. Same tables as migrations/sqlite/0004_plan_editing.sql.

ALTER TABLE initiatives ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE plan_years ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE status_reports (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    initiative_id BIGINT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'at_risk', 'delayed', 'done', 'stopped')),
    as_of         DATE NOT NULL,              -- the date the report is about
    comment       TEXT NOT NULL,
    reported_by   BIGINT,                     -- a person's id, as in audit_log
    reported_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX status_reports_initiative ON status_reports (initiative_id, as_of);
