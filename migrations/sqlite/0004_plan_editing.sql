-- Editing plans: a version per initiative and plan year for optimistic
-- concurrency (a save names the version it started from; a stale one is a
-- conflict, never a silent overwrite), and the dated status reports of an
-- initiative, kept as history.

ALTER TABLE initiatives ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan_years ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE status_reports (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    status        TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'at_risk', 'delayed', 'done', 'stopped')),
    as_of         TEXT NOT NULL,              -- the date the report is about
    comment       TEXT NOT NULL,
    reported_by   INTEGER,                    -- a person's id, as in audit_log
    reported_at   TEXT NOT NULL               -- UTC, RFC 3339
);
CREATE INDEX status_reports_initiative ON status_reports (initiative_id, as_of);
